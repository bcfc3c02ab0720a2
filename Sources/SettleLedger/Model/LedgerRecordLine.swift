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
    /// `sale` or `credit`; nil for a record kept before the ledger noted it.
    public var kind: String?
    /// The cash back within `amount` (minor units), when there is some.
    public var cashBack: Int64?
    /// The gratuity within `amount` (minor units), when there is one.
    public var gratuity: Int64?

    public init(
        index: Int, maskedCardNumber: String, amount: Int64, transactionCode: String, kind: String? = nil, cashBack: Int64? = nil,
        gratuity: Int64? = nil
    ) {
        self.index = index
        self.maskedCardNumber = maskedCardNumber
        self.amount = amount
        self.transactionCode = transactionCode
        self.kind = kind
        self.cashBack = cashBack
        self.gratuity = gratuity
    }
}
