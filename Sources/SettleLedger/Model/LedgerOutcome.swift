import SettleModel

/// How a settlement ended, as recorded: the state, the host's answer fields, and the exact
/// response the caller got (replayed for a retry with the same idempotency key).
public struct LedgerOutcome: Sendable, Hashable {
    public var state: SettlementState
    public var responseCode: String?
    public var responseText: String?
    public var responseBatchNumber: Int?
    public var responseNetDeposit: Int64?
    public var responseRecordCount: Int?
    /// The host's rejection (`RB`), with the detail record it named.
    public var rejection: BatchRejection?
    /// Why the link failed, card numbers masked.
    public var failure: String?
    public var answer: LedgerAnswer
    /// Nothing was sent and the caller was told to retry: the idempotency key is let go with this
    /// ending, so the retry under it is a new settlement rather than a replay of the refusal.
    public var releasesIdempotencyKey: Bool

    public init(
        state: SettlementState, responseCode: String? = nil, responseText: String? = nil, responseBatchNumber: Int? = nil,
        responseNetDeposit: Int64? = nil, responseRecordCount: Int? = nil, rejection: BatchRejection? = nil, failure: String? = nil,
        answer: LedgerAnswer, releasesIdempotencyKey: Bool = false
    ) {
        self.state = state
        self.responseCode = responseCode
        self.responseText = responseText
        self.responseBatchNumber = responseBatchNumber
        self.responseNetDeposit = responseNetDeposit
        self.responseRecordCount = responseRecordCount
        self.rejection = rejection
        self.failure = failure
        self.answer = answer
        self.releasesIdempotencyKey = releasesIdempotencyKey
    }
}

/// The HTTP answer given for a settlement.
public struct LedgerAnswer: Sendable, Hashable {
    public var status: Int
    public var body: [UInt8]

    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }
}
