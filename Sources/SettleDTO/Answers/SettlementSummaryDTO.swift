/// Counts and amounts of one card brand and kind, for reconciling with the processor's deposit.
public struct SettlementSummaryLineDTO: Sendable, Hashable, Codable {
    /// visa, masterCard, americanExpress, discover or other.
    public var brand: String
    /// sale, credit, cashBack or gratuity (cash back and gratuity are parts of the sales' amounts).
    public var kind: String
    public var count: Int
    /// Minor units.
    public var amount: Int64

    public init(brand: String, kind: String, count: Int, amount: Int64) {
        self.brand = brand
        self.kind = kind
        self.count = count
        self.amount = amount
    }
}

/// A record count and a net deposit: ours, or the host's in its `GB` answer.
public struct SettlementTotalsDTO: Sendable, Hashable, Codable {
    public var recordCount: Int
    /// Minor units; negative when credits exceed sales (ours), the magnitude as the host answers.
    public var netDeposit: Int64

    public init(recordCount: Int, netDeposit: Int64) {
        self.recordCount = recordCount
        self.netDeposit = netDeposit
    }
}

/// `GET /v1/settlements/{id}/summary`: one settlement's totals by brand and kind, ours against the host's.
public struct SettlementSummaryDTO: Sendable, Hashable, Codable {
    public var settlementId: String
    public var merchantNumber: String
    public var terminalNumber: String
    public var batchNumber: Int
    public var batchDate: String
    public var environment: String
    public var state: String
    public var lines: [SettlementSummaryLineDTO]
    public var ours: SettlementTotalsDTO
    /// The host's `GB` answer; absent unless accepted.
    public var host: SettlementTotalsDTO?
    /// Accepted, and the host's record count and net deposit equal ours.
    public var balanced: Bool
    /// Why not balanced.
    public var difference: String?

    public init(
        settlementId: String, merchantNumber: String, terminalNumber: String, batchNumber: Int, batchDate: String, environment: String,
        state: String, lines: [SettlementSummaryLineDTO], ours: SettlementTotalsDTO, host: SettlementTotalsDTO?, balanced: Bool,
        difference: String?
    ) {
        self.settlementId = settlementId
        self.merchantNumber = merchantNumber
        self.terminalNumber = terminalNumber
        self.batchNumber = batchNumber
        self.batchDate = batchDate
        self.environment = environment
        self.state = state
        self.lines = lines
        self.ours = ours
        self.host = host
        self.balanced = balanced
        self.difference = difference
    }
}

/// `GET /v1/reports/settlements`: a day's settlements (by batch date), each summarized, with
/// the accepted ones' totals by brand and kind.
public struct SettlementReportDTO: Sendable, Hashable, Codable {
    public var date: String
    public var merchant: String?
    public var environment: String?
    public var settlements: [SettlementSummaryDTO]
    /// The captured settlements' lines added up: accepted, and in doubt but resolved captured.
    public var acceptedLines: [SettlementSummaryLineDTO]
    /// Settlements by state.
    public var states: [String: Int]
    /// Every accepted settlement is balanced, and none is in doubt.
    public var balanced: Bool

    public init(
        date: String, merchant: String?, environment: String?, settlements: [SettlementSummaryDTO], acceptedLines: [SettlementSummaryLineDTO],
        states: [String: Int], balanced: Bool
    ) {
        self.date = date
        self.merchant = merchant
        self.environment = environment
        self.settlements = settlements
        self.acceptedLines = acceptedLines
        self.states = states
        self.balanced = balanced
    }
}
