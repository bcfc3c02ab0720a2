import SettleDTO
import SettleModel
import SettleRecords

extension SettlementResultDTO {
    /// The result document for an outcome of a batch with these totals.
    public init(_ outcome: SettlementOutcome, environment: String, totals: BatchTotals) {
        let computed = BatchTotalsDTO(totals)
        switch outcome {
        case .accepted(let response):
            self.init(outcome: "accepted", environment: environment, response: response, totals: computed)
            totalsMatch = response.recordCount == totals.recordCount && response.netDeposit == totals.netDeposit
        case .duplicate(let response):
            self.init(outcome: "duplicate", environment: environment, response: response, totals: computed)
        case .rejected(let response, let index):
            self.init(outcome: "rejected", environment: environment, response: response, totals: computed)
            rejection = response.rejection.map { BatchRejection($0, detailRecordIndex: index) }
        case .failed(let code, let message):
            self.init(
                outcome: "failed", environment: environment, totals: computed,
                failure: FailureDTO(code: code.rawValue, message: PacketTrace.masked(message), inDoubt: false))
        case .inDoubt(let code, let message):
            self.init(
                outcome: "inDoubt", environment: environment, totals: computed,
                failure: FailureDTO(code: code.rawValue, message: PacketTrace.masked(message), inDoubt: true))
        }
    }

    private init(outcome: String, environment: String, response: HostResponse, totals: BatchTotalsDTO) {
        self.init(
            outcome: outcome, environment: environment, responseCode: response.rawCode,
            responseText: response.text.isEmpty ? nil : response.text, responseBatchNumber: response.batchNumber,
            responseRecordCount: response.recordCount, responseNetDeposit: response.netDeposit, totals: totals)
    }
}
