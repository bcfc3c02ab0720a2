/// What a detail record settles: the class reference's `TSYSDetailRecord.TransactionType`.
public enum TransactionType: String, Sendable, Hashable, CaseIterable, Codable {
    case cardNotPresent
    case cardPresent
    case offlineCredit
    case forceCardNotPresent
    case forceCardPresent
    case debitPurchase
    case debitRefund
    case foodStampPurchase
    case foodStampReturn
    case foodStampVoucher
    case cashBenefitWithdrawal
    case cashBenefitPurchase

    /// The class reference's numeric value (`dttCardNotPresent` = 0 …).
    public var classReferenceValue: Int {
        switch self {
        case .cardNotPresent: 0
        case .cardPresent: 1
        case .offlineCredit: 2
        case .forceCardNotPresent: 3
        case .forceCardPresent: 4
        case .debitPurchase: 5
        case .debitRefund: 6
        case .foodStampPurchase: 8
        case .foodStampReturn: 9
        case .foodStampVoucher: 10
        case .cashBenefitWithdrawal: 12
        case .cashBenefitPurchase: 13
        }
    }

    /// EBT (food stamp and cash benefit) settlement is not offered: its records, codes and
    /// host rules are outside the spec this engine implements.
    public var isSupported: Bool { transactionCode != nil }

    /// The two-character EIS 1081 transaction code, `nil` when unsupported.
    public var transactionCode: String? {
        switch self {
        case .cardNotPresent, .forceCardNotPresent: "56"
        case .cardPresent, .forceCardPresent: "54"
        case .offlineCredit: "CR"
        case .debitPurchase: "93"
        case .debitRefund: "94"
        case .foodStampPurchase, .foodStampReturn, .foodStampVoucher, .cashBenefitWithdrawal, .cashBenefitPurchase: nil
        }
    }

    /// The bill payment transaction code (Table 4.59) of this type, `nil` where none exists:
    /// `5B` for a credit card sale or force, `9B` for a debit purchase.
    public var billPaymentTransactionCode: String? {
        switch self {
        case .cardPresent, .cardNotPresent, .forceCardPresent, .forceCardNotPresent: "5B"
        case .debitPurchase: "9B"
        default: nil
        }
    }

    /// The code this type goes out with: a bill payment (market specific data `B`) takes its own
    /// code when the profile says so. `nil` when unsupported.
    public func wireTransactionCode(marketSpecificData: String?, profile: WireProfile) -> String? {
        if profile.billPaymentTransactionCodes && marketSpecificData == "B", let code = billPaymentTransactionCode { return code }
        return transactionCode
    }

    /// The card was not in the merchant's hands: mail, telephone or e-commerce.
    public var isCardNotPresent: Bool { self == .cardNotPresent || self == .forceCardNotPresent }

    /// Credits are subtracted from the net deposit.
    public var isCredit: Bool { self == .offlineCredit || self == .debitRefund }

    /// Forces settle with an approval code obtained off-line (voice), not from an on-line authorization.
    public var isForce: Bool { self == .forceCardPresent || self == .forceCardNotPresent }

    /// Debit transactions carry the direct-debit group (10).
    public var isDebit: Bool { self == .debitPurchase || self == .debitRefund }

    /// Authorization sources that mean "approved off-line" (`6`, `D`, `E`) and so mark a force.
    public static func isOfflineApproval(source: String) -> Bool {
        source == "6" || source == "D" || source == "E"
    }
}
