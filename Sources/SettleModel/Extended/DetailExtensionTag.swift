/// A tag of the detail extension (detail group 41, EIS 1081 §4.137 Table 4.30), in the spec's order.
///
/// Each value travels as `TAG` (3 characters, space-filled), `SIZE` (2 digits) and the value;
/// a value longer than the tag's maximum, or of the wrong format, rejects the batch.
public enum DetailExtensionTag: String, CaseIterable, Sendable, Hashable, Comparable {
    case optionalAmountIdentifier = "OAI"
    case optionalAmount = "OA"
    case purchaseOrderNumber = "PON"
    case paymentTransactionIndicator = "PTI"
    case iiasIndicator = "IIA"
    case merchantSellerId = "SID"
    case customIdentifier = "CDV"
    case associationTimestamp = "ATS"
    case transitTransactionType = "TTT"
    case transportationMode = "TMI"
    case transactionFee = "TFA"
    case domainServer = "MDO"
    case mobileDeviceType = "MDE"
    case discountTreatmentCode = "DTC"
    case taxTreatmentCode = "TTC"
    case spendQualifiedIndicator = "SQI"
    case tokenAssuranceLevel = "TAL"
    case tokenRequestorId = "TRI"
    case accountRangeStatus = "ARS"
    case walletIdentifier = "WID"
    case isoId = "ISO"
    case paymentFacilitatorId = "PFI"
    case subMerchantId = "SMI"
    /// Listed in §4.137 Table 4.30 only, after the tags Table 3.6 shows.
    case digitalEntityIdentifier = "DEI"
    case multiClearingIndicator = "MCI"

    /// The most characters the value may have.
    public var maximumSize: Int {
        switch self {
        case .optionalAmountIdentifier, .iiasIndicator, .domainServer, .discountTreatmentCode, .taxTreatmentCode,
            .spendQualifiedIndicator, .accountRangeStatus, .multiClearingIndicator:
            1
        case .transitTransactionType, .transportationMode, .mobileDeviceType, .tokenAssuranceLevel: 2
        case .paymentTransactionIndicator, .walletIdentifier: 3
        case .digitalEntityIdentifier: 5
        case .transactionFee: 9
        case .associationTimestamp: 10
        case .tokenRequestorId, .isoId, .paymentFacilitatorId: 11
        case .optionalAmount: 12
        case .subMerchantId: 15
        case .merchantSellerId: 20
        case .purchaseOrderNumber: 25
        case .customIdentifier: 82
        }
    }

    /// Whether the value is digits only (NUM); the others are alphanumeric text (A/N). Table 4.30
    /// calls the payment transaction indicator NUM, but §4.219 and every value it lists (`C01`–`C06`)
    /// make it A/N, so it is sent as text.
    public var isNumeric: Bool {
        switch self {
        case .optionalAmount, .associationTimestamp, .transitTransactionType, .transportationMode,
            .isoId, .paymentFacilitatorId:
            true
        default: false
        }
    }

    /// Where the document carries the value: the detail's member object and the key inside it.
    public var member: (object: String, key: String) {
        switch self {
        case .paymentFacilitatorId: ("paymentFacilitator", "id")
        case .subMerchantId: ("paymentFacilitator", "subMerchantId")
        case .tokenAssuranceLevel: ("token", "assuranceLevel")
        case .tokenRequestorId: ("token", "requestorId")
        default: ("detailExtension", String(describing: self))
        }
    }

    /// The tag as sent: three characters, left-justified and space-filled.
    public var wireTag: String { rawValue.utf8.count == 3 ? rawValue : rawValue + " " }

    /// The tag a three-character wire tag names (trailing spaces ignored).
    public init?(wireTag: String) {
        var tag = wireTag
        while tag.last == " " { tag.removeLast() }
        self.init(rawValue: tag)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }

    private var order: Int { Self.allCases.firstIndex(of: self)! }
}
