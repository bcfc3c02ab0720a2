import SettleModel

/// A batch about to be settled, as the ledger records it before anything is sent.
public struct LedgerSubmission: Sendable, Hashable {
    public var idempotencyKey: String?
    /// The client's key without its scope. When ``idempotencyKey`` is not found, an entry kept
    /// under this key before keys were scoped (an upgraded or copied ledger) with the same
    /// fingerprint is the same request: replayed, never sent again. Entries in another client's
    /// scope are never matched: one client cannot replay another's answer. Not stored.
    public var unscopedIdempotencyKey: String?
    /// SHA-256 (hex) of the canonical request: the same key with another request is an error.
    public var fingerprint: String
    public var merchantNumber: String
    public var terminalNumber: String
    public var batchNumber: Int
    /// The document gave no batch number: the ledger allocates the next free one (001–999,
    /// wrapping, skipping numbers used within the guard window) and records it in `batchNumber`.
    public var allocatesBatchNumber = false
    public var batchDate: LocalDate
    public var industry: String
    public var recordCount: Int
    /// Our computed totals, minor units.
    public var netDeposit: Int64
    public var hashingTotal: Int64
    public var cashBackTotal: Int64
    /// simulator, test, live or custom.
    public var environment: String
    public var records: [LedgerRecordLine]

    public init(
        idempotencyKey: String?, fingerprint: String, merchantNumber: String, terminalNumber: String, batchNumber: Int,
        batchDate: LocalDate, industry: String, recordCount: Int, netDeposit: Int64, hashingTotal: Int64, cashBackTotal: Int64,
        environment: String, records: [LedgerRecordLine]
    ) {
        self.idempotencyKey = idempotencyKey
        self.fingerprint = fingerprint
        self.merchantNumber = merchantNumber
        self.terminalNumber = terminalNumber
        self.batchNumber = batchNumber
        self.batchDate = batchDate
        self.industry = industry
        self.recordCount = recordCount
        self.netDeposit = netDeposit
        self.hashingTotal = hashingTotal
        self.cashBackTotal = cashBackTotal
        self.environment = environment
        self.records = records
    }
}
