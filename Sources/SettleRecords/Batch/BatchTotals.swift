import SettleModel

/// The trailer's computed totals: the class reference's `batch_record_count`,
/// `batch_hashing_total`, `batch_cash_back_total` and `batch_net_deposit`.
public struct BatchTotals: Sendable, Hashable {
    /// Every record: header, parameter, details, line items and trailer.
    public var recordCount: Int
    /// Sum of the absolute settlement amounts of all details, in minor units.
    public var hashingTotal: Int64
    /// Sum of cash-back amounts, in minor units.
    public var cashBackTotal: Int64
    /// |sales − credits| in minor units, as the trailer carries it.
    public var netDeposit: Int64
    /// Whether credits exceed sales (the wire carries no sign; callers should know).
    public var netDepositIsCredit: Bool

    public init(recordCount: Int = 0, hashingTotal: Int64 = 0, cashBackTotal: Int64 = 0, netDeposit: Int64 = 0, netDepositIsCredit: Bool = false) {
        self.recordCount = recordCount
        self.hashingTotal = hashingTotal
        self.cashBackTotal = cashBackTotal
        self.netDeposit = netDeposit
        self.netDepositIsCredit = netDepositIsCredit
    }

    /// The totals the trailer must carry for these details.
    ///
    /// Validated details cannot overflow these sums, but the simulator totals batches a
    /// client decoded for it (12-digit amounts, any number of records): the sums saturate
    /// there, and a saturated total never fits the trailer's 16 digits, so it cannot match.
    public init(details: [DetailRecord]) {
        var hashing: Int64 = 0, cashBack: Int64 = 0, net: Int64 = 0, following = 0
        ReadOnlyRecords.forEach(details) { _, detail in
            let amount = detail.settlementAmount.minorUnits
            Self.add(amount, to: &hashing)
            Self.add(amount, to: &net, negated: detail.transactionType.isCredit)
            Self.add(detail.cashBack?.minorUnits ?? 0, to: &cashBack)
            following += detail.followingRecordCount
        }
        self.init(
            recordCount: 3 + details.count + following, hashingTotal: hashing, cashBackTotal: cashBack,
            netDeposit: net.magnitude > UInt64(Int64.max) ? Int64.max : Int64(net.magnitude), netDepositIsCredit: net < 0)
    }

    /// `total + value` (`total - value` when negated), held at Int64's ends instead of overflowing.
    private static func add(_ value: Int64, to total: inout Int64, negated: Bool = false) {
        let (sum, overflow) = negated ? total.subtractingReportingOverflow(value) : total.addingReportingOverflow(value)
        total = overflow ? ((value < 0) != negated ? .min : .max) : sum
    }

    /// Fixed-width renderings, as the class reference exposes them.
    public var hashingTotalText: String { Self.pad(hashingTotal) }
    public var cashBackTotalText: String { Self.pad(cashBackTotal) }
    public var netDepositText: String { Self.pad(netDeposit) }

    private static func pad(_ value: Int64) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
    }
}
