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
    public var rejection: RejectionDTO?
    public var failure: FailureDTO?
    /// The connection events and data packets, card numbers masked, when a trace was asked for
    /// and configuration allows it.
    public var trace: [String]?

    public init(
        outcome: String, environment: String, responseCode: String? = nil, responseText: String? = nil, responseBatchNumber: Int? = nil,
        responseRecordCount: Int? = nil, responseNetDeposit: Int64? = nil, totals: BatchTotalsDTO, totalsMatch: Bool? = nil,
        rejection: RejectionDTO? = nil, failure: FailureDTO? = nil
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

/// An RB's details (the class reference's `error_*` properties).
public struct RejectionDTO: Sendable, Hashable, Codable {
    public var errorType: String
    public var sequenceNumber: Int
    public var recordType: String
    public var fieldNumber: Int
    public var data: String
    /// The detail record at fault, counting from 0 (`error_detail_record_index`), when a detail or its line item was.
    public var detailRecordIndex: Int?

    public init(errorType: String, sequenceNumber: Int, recordType: String, fieldNumber: Int, data: String, detailRecordIndex: Int?) {
        self.errorType = errorType
        self.sequenceNumber = sequenceNumber
        self.recordType = recordType
        self.fieldNumber = fieldNumber
        self.data = data
        self.detailRecordIndex = detailRecordIndex
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
