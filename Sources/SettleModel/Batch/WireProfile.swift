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

    public init(
        masterCardLineItemDescriptionLength: Int = 35, requireModernGroups: Bool = true,
        maximumLineItemsPerDetail: Int = 999, defaultPurchaseIdentifierFormat: Character = "1"
    ) {
        self.masterCardLineItemDescriptionLength = masterCardLineItemDescriptionLength
        self.requireModernGroups = requireModernGroups
        self.maximumLineItemsPerDetail = maximumLineItemsPerDetail
        self.defaultPurchaseIdentifierFormat = defaultPurchaseIdentifierFormat
    }

    /// The production default.
    public static let standard = WireProfile()
    /// Older public samples: no developer id, no POS data code.
    public static let legacySamples = WireProfile(requireModernGroups: false)
}
