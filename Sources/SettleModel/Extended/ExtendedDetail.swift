/// The production detail groups a modern merchant sends beyond its industry's: lane, e-commerce,
/// token, payment facilitator and card network data (detail groups 6, 11, 14, 16, 17, 18, 36,
/// 37, 38, 40, 41, 45 and 46; EIS 1081 Table 3.6, see `docs/wire/detail-groups.md`).
///
/// The document carries these as members of the detail itself; the model keeps them in one
/// boxed value so a detail without them stays small to copy.
public struct ExtendedDetail: Sendable, Hashable {
    /// Group 6: merchant category code of a hotel charge not made at the front desk, 4 digits.
    public var merchantCategoryCodeOverride: String?
    /// Group 11: the lane (terminal) at the merchant's location, 0–99999999.
    public var laneId: Int?
    /// Group 14: Visa service development indicator, one digit.
    public var serviceDevelopmentIndicator: Int?
    /// Group 16: the sale pays an existing debt (Visa only; sent as `9`).
    public var existingDebt: Bool
    /// Group 17: MasterCard UCAF collection indicator (3-D Secure), one character.
    public var ucafCollectionIndicator: String?
    /// Group 18: e-commerce goods indicator, up to 2 characters.
    public var eCommerceGoodsIndicator: String?
    /// Group 36: the location of the sale, or of a payment facilitator's sub-merchant.
    public var location: LocationDetail?
    /// Group 37: the MasterCard service code of the card, 3 characters.
    public var masterCardServiceCode: String?
    /// Group 38: the Visa card product code from the authorization, up to 2 characters.
    public var visaCardProductCode: String?
    /// Group 40: the Discover/PayPal POS data code from the authorization, 13 characters.
    public var discoverPosDataCode: String?
    /// Group 40: the sale ships in parts (partial shipment indicator).
    public var discoverPartialShipment: Bool
    /// Group 41: tagged values (payment facilitator, token, MasterCard and other network data).
    public var detailExtension: DetailExtension
    /// Group 45: transaction security indicator (tokenized or encrypted card number), one character.
    public var transactionSecurityIndicator: String?
    /// Group 46: merchant soft descriptor, free text for the merchant's own reports, up to 25 characters.
    public var softDescriptor: String?
    /// Group 43: an American Express insurance premium.
    public var amexInsurance: AmexInsurance?
    /// Groups 33–35 and the transaction advice records that follow the detail (American Express).
    public var amexTransactionAdvice: AmexTransactionAdvice?
    /// Group 29 and a Canadian tax record per tax (MasterCard Canada, at most six).
    public var canadianTaxes: [CanadianTax]

    public init(
        merchantCategoryCodeOverride: String? = nil, laneId: Int? = nil, serviceDevelopmentIndicator: Int? = nil,
        existingDebt: Bool = false, ucafCollectionIndicator: String? = nil, eCommerceGoodsIndicator: String? = nil,
        location: LocationDetail? = nil, masterCardServiceCode: String? = nil, visaCardProductCode: String? = nil,
        discoverPosDataCode: String? = nil, discoverPartialShipment: Bool = false, detailExtension: DetailExtension = DetailExtension(),
        transactionSecurityIndicator: String? = nil, softDescriptor: String? = nil, amexInsurance: AmexInsurance? = nil,
        amexTransactionAdvice: AmexTransactionAdvice? = nil, canadianTaxes: [CanadianTax] = []
    ) {
        self.merchantCategoryCodeOverride = merchantCategoryCodeOverride
        self.laneId = laneId
        self.serviceDevelopmentIndicator = serviceDevelopmentIndicator
        self.existingDebt = existingDebt
        self.ucafCollectionIndicator = ucafCollectionIndicator
        self.eCommerceGoodsIndicator = eCommerceGoodsIndicator
        self.location = location
        self.masterCardServiceCode = masterCardServiceCode
        self.visaCardProductCode = visaCardProductCode
        self.discoverPosDataCode = discoverPosDataCode
        self.discoverPartialShipment = discoverPartialShipment
        self.detailExtension = detailExtension
        self.transactionSecurityIndicator = transactionSecurityIndicator
        self.softDescriptor = softDescriptor
        self.amexInsurance = amexInsurance
        self.amexTransactionAdvice = amexTransactionAdvice
        self.canadianTaxes = canadianTaxes
    }

    /// The records that follow the detail for this data: Canadian tax records, then advice records.
    public var addendaRecordCount: Int { canadianTaxes.count + (amexTransactionAdvice?.recordCount ?? 0) }

    /// Whether nothing is set (the document had none of these members).
    public var isEmpty: Bool { self == ExtendedDetail() }

    /// The groups this data fills.
    public var groups: GroupSet {
        var set = GroupSet()
        if merchantCategoryCodeOverride != nil { set.insert(group: 6) }
        if laneId != nil { set.insert(group: 11) }
        if serviceDevelopmentIndicator != nil { set.insert(group: 14) }
        if existingDebt { set.insert(group: 16) }
        if ucafCollectionIndicator != nil { set.insert(group: 17) }
        if eCommerceGoodsIndicator != nil { set.insert(group: 18) }
        if location != nil { set.insert(group: 36) }
        if masterCardServiceCode != nil { set.insert(group: 37) }
        if visaCardProductCode != nil { set.insert(group: 38) }
        if discoverPosDataCode != nil || discoverPartialShipment { set.insert(group: 40) }
        if !detailExtension.isEmpty { set.insert(group: 41) }
        if transactionSecurityIndicator != nil { set.insert(group: 45) }
        if softDescriptor != nil { set.insert(group: 46) }
        if amexInsurance != nil { set.insert(group: 43) }
        if let advice = amexTransactionAdvice { set.rawValue |= advice.groups.rawValue }
        if !canadianTaxes.isEmpty { set.insert(group: 29) }
        return set
    }
}
