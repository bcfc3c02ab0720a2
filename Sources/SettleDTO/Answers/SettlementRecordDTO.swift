import SettleModel

/// A settlement as the ledger holds it (`GET /v1/settlements/{id}`): what was submitted, where
/// it stands, and the host's answer. Card numbers appear masked only.
public struct SettlementRecordDTO: Sendable, Hashable, Codable {
    public var id: String
    /// received, transmitting, accepted, duplicate, rejected, failed or in_doubt.
    public var state: String
    public var idempotencyKey: String?
    public var merchantNumber: String
    public var terminalNumber: String
    public var batchNumber: Int
    public var batchDate: String
    public var industryType: String
    public var recordCount: Int
    public var totals: SettlementRecordTotalsDTO
    public var environment: String
    public var responseCode: String?
    public var responseText: String?
    public var responseBatchNumber: Int?
    public var responseNetDeposit: Int64?
    public var responseRecordCount: Int?
    public var rejection: BatchRejection?
    public var failure: String?
    /// The HTTP status the submission was answered with (replayed for a retry with its key).
    public var answerStatus: Int?
    /// captured or notCaptured, once an operator resolved an in-doubt batch.
    public var resolution: String?
    public var resolutionNote: String?
    public var createdAt: String
    public var updatedAt: String
    /// The detail records (left out of lists).
    public var records: [SettlementRecordLineDTO]?

    public init(
        id: String, state: String, idempotencyKey: String?, merchantNumber: String, terminalNumber: String, batchNumber: Int,
        batchDate: String, industryType: String, recordCount: Int, totals: SettlementRecordTotalsDTO, environment: String,
        responseCode: String?, responseText: String?, responseBatchNumber: Int?, responseNetDeposit: Int64?, responseRecordCount: Int?,
        rejection: BatchRejection?, failure: String?, answerStatus: Int?, resolution: String?, resolutionNote: String?, createdAt: String,
        updatedAt: String, records: [SettlementRecordLineDTO]?
    ) {
        self.id = id
        self.state = state
        self.idempotencyKey = idempotencyKey
        self.merchantNumber = merchantNumber
        self.terminalNumber = terminalNumber
        self.batchNumber = batchNumber
        self.batchDate = batchDate
        self.industryType = industryType
        self.recordCount = recordCount
        self.totals = totals
        self.environment = environment
        self.responseCode = responseCode
        self.responseText = responseText
        self.responseBatchNumber = responseBatchNumber
        self.responseNetDeposit = responseNetDeposit
        self.responseRecordCount = responseRecordCount
        self.rejection = rejection
        self.failure = failure
        self.answerStatus = answerStatus
        self.resolution = resolution
        self.resolutionNote = resolutionNote
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.records = records
    }
}

/// Our computed totals for a recorded batch, minor units.
public struct SettlementRecordTotalsDTO: Sendable, Hashable, Codable {
    public var netDeposit: Int64
    public var hashingTotal: Int64
    public var cashBackTotal: Int64

    public init(netDeposit: Int64, hashingTotal: Int64, cashBackTotal: Int64) {
        self.netDeposit = netDeposit
        self.hashingTotal = hashingTotal
        self.cashBackTotal = cashBackTotal
    }
}

/// One detail record of a recorded batch.
public struct SettlementRecordLineDTO: Sendable, Hashable, Codable {
    public var index: Int
    public var maskedCardNumber: String
    public var amount: Int64
    public var transactionCode: String

    public init(index: Int, maskedCardNumber: String, amount: Int64, transactionCode: String) {
        self.index = index
        self.maskedCardNumber = maskedCardNumber
        self.amount = amount
        self.transactionCode = transactionCode
    }
}

/// A page of `GET /v1/settlements`.
public struct SettlementListDTO: Sendable, Hashable, Codable {
    public var settlements: [SettlementRecordDTO]
    /// Pass as `cursor` for the next page; absent on the last.
    public var nextCursor: String?

    public init(settlements: [SettlementRecordDTO], nextCursor: String?) {
        self.settlements = settlements
        self.nextCursor = nextCursor
    }
}

/// The body of `POST /v1/settlements/{id}/resolve`.
public struct ResolutionRequestDTO: Sendable, Hashable, Codable {
    /// captured or notCaptured.
    public var resolution: String
    /// What the finding rests on (a TSYS report, a call); kept with the entry.
    public var note: String

    public init(resolution: String, note: String) {
        self.resolution = resolution
        self.note = note
    }
}
