/// What the ledger keeps of one detail record: enough to reconcile and to show which record
/// an `RB` named, and never the full card number.
public struct LedgerRecordLine: Sendable, Hashable, Codable {
    public var index: Int
    /// First six and last four digits at most.
    public var maskedCardNumber: String
    /// Minor units.
    public var amount: Int64
    /// The record's transaction code.
    public var transactionCode: String

    public init(index: Int, maskedCardNumber: String, amount: Int64, transactionCode: String) {
        self.index = index
        self.maskedCardNumber = maskedCardNumber
        self.amount = amount
        self.transactionCode = transactionCode
    }
}
