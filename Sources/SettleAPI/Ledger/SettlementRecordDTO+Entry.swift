import Foundation
import SettleDTO
import SettleLedger
import SettleModel

extension SettlementRecordDTO {
    /// A ledger entry as the API and `tsys-settle settlements` show it; `withRecords: false`
    /// leaves the detail lines out (lists).
    public init(_ entry: LedgerEntry, withRecords: Bool = true) {
        let s = entry.submission, o = entry.outcome
        self.init(
            id: entry.id, state: entry.state.rawValue, idempotencyKey: s.idempotencyKey.map(IdempotencyKey.unscoped),
            merchantNumber: s.merchantNumber,
            terminalNumber: s.terminalNumber, batchNumber: s.batchNumber, batchDate: s.batchDate.iso, industryType: s.industry,
            recordCount: s.recordCount,
            totals: SettlementRecordTotalsDTO(netDeposit: s.netDeposit, hashingTotal: s.hashingTotal, cashBackTotal: s.cashBackTotal),
            environment: s.environment, responseCode: o?.responseCode, responseText: o?.responseText,
            responseBatchNumber: o?.responseBatchNumber, responseNetDeposit: o?.responseNetDeposit, responseRecordCount: o?.responseRecordCount,
            rejection: o?.rejection, failure: o?.failure, answerStatus: o?.answer.status, resolution: entry.resolution,
            resolutionNote: entry.resolutionNote, createdAt: LedgerMapping.timestamp(entry.createdAt),
            updatedAt: LedgerMapping.timestamp(entry.updatedAt),
            records: !withRecords
                ? nil
                : s.records.map {
                    SettlementRecordLineDTO(
                        index: $0.index, maskedCardNumber: $0.maskedCardNumber, amount: $0.amount, transactionCode: $0.transactionCode)
                })
    }
}
