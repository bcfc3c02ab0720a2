import SettleModel

/// The result of a settlement (`tsys-settle send`, `POST /v1/settlements`).
public struct SettlementResultDTO: Sendable, Hashable, Codable {
    /// `accepted` (GB), `duplicate` (QD), `rejected` (RB), `failed` (nothing captured) or
    /// `inDoubt` (the batch may have been captured).
    public var outcome: String
    /// Which environment answered: `simulator`, `test`, `live` or `custom`.
    public var environment: String
    public var responseCode: String?
    public var responseText: String?
    public var responseBatchNumber: Int?
    public var responseRecordCount: Int?
    public var responseNetDeposit: Int64?
    /// Our computed totals, as sent in the trailer.
    public var totals: BatchTotalsDTO
    /// For GB: whether the host's record count and net deposit equal ours.
    public var totalsMatch: Bool?
    public var rejection: BatchRejection?
    public var failure: FailureDTO?
    /// The connection events and data packets, card numbers masked, when a trace was asked for
    /// and configuration allows it.
    public var trace: [String]?

    public init(
        outcome: String, environment: String, responseCode: String? = nil, responseText: String? = nil, responseBatchNumber: Int? = nil,
        responseRecordCount: Int? = nil, responseNetDeposit: Int64? = nil, totals: BatchTotalsDTO, totalsMatch: Bool? = nil,
        rejection: BatchRejection? = nil, failure: FailureDTO? = nil
    ) {
        self.outcome = outcome
        self.environment = environment
        self.responseCode = responseCode
        self.responseText = responseText
        self.responseBatchNumber = responseBatchNumber
        self.responseRecordCount = responseRecordCount
        self.responseNetDeposit = responseNetDeposit
        self.totals = totals
        self.totalsMatch = totalsMatch
        self.rejection = rejection
        self.failure = failure
    }
}

/// Why a settlement produced no response.
public struct FailureDTO: Sendable, Hashable, Codable {
    public var code: Int
    public var message: String
    /// `true`: the trailer went out, the batch may have been captured.
    public var inDoubt: Bool

    public init(code: Int, message: String, inDoubt: Bool) {
        self.code = code
        self.message = message
        self.inDoubt = inDoubt
    }
}
