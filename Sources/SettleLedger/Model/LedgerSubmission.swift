import SettleModel

/// A batch about to be settled, as the ledger records it before anything is sent.
public struct LedgerSubmission: Sendable, Hashable {
    public var idempotencyKey: String?
    /// The key as a ledger kept it before keys were scoped to their client (an upgrade, a copied
    /// ledger): looked up when ``idempotencyKey`` is not found, so a retry of a request made
    /// before is still recognised and never sent again. Not stored.
    public var legacyIdempotencyKey: String?
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
