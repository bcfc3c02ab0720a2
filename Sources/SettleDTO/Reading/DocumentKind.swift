import SettleJSON

/// One kind of object in the settlement document: its schema's name in `openapi.yaml`, the
/// member names its reader accepts, and the members that hold objects of another kind.
///
/// The readers own the names (each kind's `keys` is the reader's own table); this catalogue
/// links them into the document's tree, so tests can visit every field of every object, with
/// a field a reader gains covered without anyone listing it.
struct DocumentKind: Sendable {
    /// A member holding an object of another kind, or an array of them.
    struct Child: Sendable {
        let member: String
        let schema: String
        let isArray: Bool
    }

    let schema: String
    let keys: KeySet
    let children: [Child]

    init(_ schema: String, _ keys: KeySet, _ children: [Child] = []) {
        self.schema = schema
        self.keys = keys
        self.children = children
    }

    /// The document itself.
    static let root = DocumentKind(
        "SettlementDocument", BatchReader.keys,
        [
            Child(member: "merchant", schema: "Merchant", isArray: false),
            Child(member: "settings", schema: "BatchSettings", isArray: false),
            Child(member: "travelAgency", schema: "TravelAgency", isArray: false),
            Child(member: "detailRecords", schema: "DetailRecord", isArray: true),
        ])

    /// Every kind, the document first.
    static let all: [DocumentKind] = [
        root,
        DocumentKind("Merchant", BatchReader.merchantKeys),
        DocumentKind("BatchSettings", BatchReader.settingsKeys),
        DocumentKind("TravelAgency", BatchReader.travelAgencyKeys),
        DocumentKind(
            "DetailRecord", DetailReader.keys,
            [
                Child(member: "cardNotPresent", schema: "CardNotPresent", isArray: false),
                Child(member: "autoRental", schema: "AutoRental", isArray: false),
                Child(member: "lodging", schema: "Lodging", isArray: false),
                Child(member: "passengerTransport", schema: "PassengerTransport", isArray: false),
                Child(member: "debit", schema: "Debit", isArray: false),
                Child(member: "level2", schema: "Level2", isArray: false),
                Child(member: "level3", schema: "Level3", isArray: false),
                Child(member: "chip", schema: "Chip", isArray: false),
                Child(member: "location", schema: "LocationDetail", isArray: false),
                Child(member: "paymentFacilitator", schema: "PaymentFacilitator", isArray: false),
                Child(member: "token", schema: "Token", isArray: false),
                Child(member: "detailExtension", schema: "DetailExtension", isArray: false),
                Child(member: "amexInsurance", schema: "AmexInsurance", isArray: false),
                Child(member: "amexTransactionAdvice", schema: "AmexTransactionAdvice", isArray: false),
                Child(member: "canadianTaxes", schema: "CanadianTax", isArray: true),
            ]),
        DocumentKind(
            "AmexTransactionAdvice", ExtendedDetailReader.adviceKeys,
            [
                Child(member: "additionalAmounts", schema: "AdviceAdditionalAmount", isArray: true),
                Child(member: "retailItems", schema: "AdviceRetailItem", isArray: true),
                Child(member: "lodgingItems", schema: "AdviceLodgingItem", isArray: true),
                Child(member: "chargeItems", schema: "AdviceChargeItem", isArray: true),
            ]),
        DocumentKind("AdviceAdditionalAmount", ExtendedDetailReader.additionalAmountKeys),
        DocumentKind("AdviceRetailItem", ExtendedDetailReader.retailItemKeys),
        DocumentKind("AdviceLodgingItem", ExtendedDetailReader.lodgingItemKeys),
        DocumentKind("AdviceChargeItem", ExtendedDetailReader.chargeItemKeys),
        DocumentKind("CanadianTax", ExtendedDetailReader.canadianTaxKeys),
        DocumentKind("AmexInsurance", ExtendedDetailReader.amexInsuranceKeys),
        DocumentKind("LocationDetail", ExtendedDetailReader.locationKeys),
        DocumentKind("PaymentFacilitator", ExtendedDetailReader.paymentFacilitatorKeys),
        DocumentKind("Token", ExtendedDetailReader.tokenKeys),
        DocumentKind("DetailExtension", ExtendedDetailReader.detailExtensionKeys),
        DocumentKind("Chip", ChipReader.keys),
        DocumentKind("CardNotPresent", GroupReaders.cardNotPresentKeys),
        DocumentKind("Lodging", GroupReaders.lodgingKeys, [Child(member: "amex", schema: "LodgingAmex", isArray: false)]),
        DocumentKind("LodgingAmex", GroupReaders.lodgingAmexKeys),
        DocumentKind(
            "AutoRental", GroupReaders.autoRentalKeys,
            [
                Child(member: "returnDetails", schema: "AutoRentalReturn", isArray: false),
                Child(member: "amex", schema: "AmexAutoRental", isArray: false),
            ]),
        DocumentKind("AmexAutoRental", GroupReaders.amexAutoRentalKeys),
        DocumentKind("AutoRentalReturn", GroupReaders.autoRentalReturnKeys),
        DocumentKind("PassengerTransport", GroupReaders.passengerTransportKeys, [Child(member: "legs", schema: "TripLeg", isArray: true)]),
        DocumentKind("TripLeg", GroupReaders.tripLegKeys),
        DocumentKind("Debit", GroupReaders.debitKeys),
        DocumentKind("Level2", CommercialReaders.level2Keys),
        DocumentKind("Level3", CommercialReaders.level3Keys, [Child(member: "lineItems", schema: "LineItem", isArray: true)]),
        DocumentKind("LineItem", CommercialReaders.lineItemKeys),
    ]

    static func named(_ schema: String) -> DocumentKind? { all.first { $0.schema == schema } }
}
