/// The wire choices the spec marks uncertain (M or L), each one named setting.
///
/// Defaults follow the majority of evidence; certification with TSYS decides. Tests exercise
/// both sides of each.
public struct WireProfile: Sendable, Hashable {
    /// MasterCard Level III line-item description: the field table says 35 characters,
    /// the byte positions imply 36 (spec §2.6, M). Default 35, as the production client does.
    public var masterCardLineItemDescriptionLength: Int
    /// Header group 5 (developer and application id) and detail group 32 (POS data code) are
    /// mandatory since 2016-03-01 (H). Off only to reproduce older samples such as spec §2.11.
    public var requireModernGroups: Bool
    /// Most Level III line items per detail record. The wire allows 999; TSYS publishes no
    /// smaller limit (L), so this is a setting.
    public var maximumLineItemsPerDetail: Int
    /// Purchase identifier format code for detail groups 3 and 25 when the industry has no
    /// code of its own (§4.225 defines `1` order number, `3` rental agreement, `4` folio; L).
    /// A detail without an identifier sends `Z` (not used) whatever this says.
    public var defaultPurchaseIdentifierFormat: Character
    /// A bill payment (market specific data `B`) goes out with its own transaction code, `5B`
    /// (`9B` for a debit purchase), as Table 4.59 lists them; off sends `54`/`56` (`93`) and lets the
    /// market indicator alone say "bill payment". The spec lists both without pairing them (M).
    /// `5B` does not say whether the card was present: the cardholder id `N` does (Table 4.16).
    public var billPaymentTransactionCodes: Bool
    /// The length field of detail group 41 counts its own four digits as well as the tagged values
    /// after it. §4.138 calls it "the total length of the group" and the spec shows no example (L);
    /// off counts only the tagged values.
    public var detailExtensionLengthCountsItself: Bool
    /// A batch with chip card addenda goes out with device code `X`: the class reference says `X`
    /// "must be used on all EMV mode chip card transactions", while EIS 1081 v14.2 Table 4.21 still
    /// calls `X` "Aggregator" (M). Off leaves the device code to the settings.
    public var emvDeviceCode: Bool
    /// The record type letter of a Canadian tax line item record: Table 3.12 prints `L`, while
    /// Table 4.49 and the error table (`X06`–`X11`) use `X` (M). The decoder reads both.
    public var canadianTaxRecordType: Character

    public init(
        masterCardLineItemDescriptionLength: Int = 35, requireModernGroups: Bool = true,
        maximumLineItemsPerDetail: Int = 999, defaultPurchaseIdentifierFormat: Character = "1",
        billPaymentTransactionCodes: Bool = true, detailExtensionLengthCountsItself: Bool = true, emvDeviceCode: Bool = true,
        canadianTaxRecordType: Character = "X"
    ) {
        self.masterCardLineItemDescriptionLength = masterCardLineItemDescriptionLength
        self.requireModernGroups = requireModernGroups
        self.maximumLineItemsPerDetail = maximumLineItemsPerDetail
        self.defaultPurchaseIdentifierFormat = defaultPurchaseIdentifierFormat
        self.billPaymentTransactionCodes = billPaymentTransactionCodes
        self.detailExtensionLengthCountsItself = detailExtensionLengthCountsItself
        self.emvDeviceCode = emvDeviceCode
        self.canadianTaxRecordType = canadianTaxRecordType
    }

    /// The production default.
    public static let standard = WireProfile()
    /// Older public samples: no developer id, no POS data code.
    public static let legacySamples = WireProfile(requireModernGroups: false)
}
