import Foundation
import SettleDTO
import SettleFraming
import SettleLedger
import SettleModel
import SettleRecords

/// Between the API's values and the ledger's: what is recorded of a batch, of its outcome, and
/// what is shown of an entry.
enum LedgerMapping {
    static func submission(_ batch: Batch, _ encoded: EncodedBatch, key: String?, environment: String, fingerprintKey: [UInt8]) -> LedgerSubmission {
        let totals = encoded.totals
        return LedgerSubmission(
            idempotencyKey: key, fingerprint: fingerprint(encoded, key: fingerprintKey), merchantNumber: batch.merchant.number,
            terminalNumber: batch.merchant.terminalNumber, batchNumber: batch.batchNumber, batchDate: batch.transmissionDate,
            industry: batch.industryType.rawValue, recordCount: totals.recordCount,
            netDeposit: totals.netDepositIsCredit ? -totals.netDeposit : totals.netDeposit, hashingTotal: totals.hashingTotal,
            cashBackTotal: totals.cashBackTotal, environment: environment,
            records: batch.detailRecords.enumerated().map { index, detail in
                LedgerRecordLine(
                    index: index, maskedCardNumber: detail.cardNumber.masked, amount: detail.settlementAmount.minorUnits,
                    transactionCode: detail.transactionType.transactionCode ?? "")
            })
    }

    /// HMAC-SHA-256 of the batch as it would go on the wire: the canonical form of the request,
    /// so the same batch sent with its fields in another order or spacing has the same
    /// fingerprint. Keyed, because a plain hash of a one-record batch could be reversed to its
    /// card number from the ledger's own masked number, amount and dates (PCI DSS asks keyed
    /// hashes for the same reason).
    static func fingerprint(_ encoded: EncodedBatch, key: [UInt8]) -> String {
        SHA256Digest.hmacHex(encoded.framed.bytes, key: key)
    }

    static func outcome(_ result: SettlementResultDTO, _ state: SettlementState, answer: LedgerAnswer) -> LedgerOutcome {
        let rejection = result.rejection.flatMap { try? JSONEncoder().encode($0) }.map { String(decoding: $0, as: UTF8.self) }
        return LedgerOutcome(
            state: state, responseCode: result.responseCode, responseText: result.responseText,
            responseBatchNumber: result.responseBatchNumber, responseNetDeposit: result.responseNetDeposit,
            responseRecordCount: result.responseRecordCount, rejection: rejection, failure: result.failure?.message,
            answer: answer)
    }

    /// RFC 3339 in UTC with milliseconds.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }
}
