import SettleRecords

/// The computed trailer totals, named after the class reference's `batch_*` properties.
public struct BatchTotalsDTO: Sendable, Hashable, Codable {
    public var batchRecordCount: Int
    /// Minor units.
    public var batchHashingTotal: Int64
    public var batchCashBackTotal: Int64
    /// Absolute value, as sent; see `netDepositIsCredit`.
    public var batchNetDeposit: Int64
    /// `true` when credits exceed sales.
    public var netDepositIsCredit: Bool

    public init(_ totals: BatchTotals) {
        batchRecordCount = totals.recordCount
        batchHashingTotal = totals.hashingTotal
        batchCashBackTotal = totals.cashBackTotal
        batchNetDeposit = totals.netDeposit
        netDepositIsCredit = totals.netDepositIsCredit
    }
}
