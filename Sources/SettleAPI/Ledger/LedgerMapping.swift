import Foundation
import SettleCrypto
import SettleDTO
import SettleFraming
import SettleLedger
import SettleModel
import SettleRecords
import SettleService

/// Between the API's values and the ledger's: what is recorded of a batch and of its outcome,
/// and what is shown of an entry.
package enum LedgerMapping {
    /// What the ledger records of a batch before it is sent (its totals are the trailer's,
    /// computed from the details; nothing is encoded yet).
    package static func submission(
        _ batch: Batch, key: String?, environment: String, fingerprint: String, profile: WireProfile
    ) -> LedgerSubmission {
        let totals = BatchTotals(details: batch.detailRecords)
        return LedgerSubmission(
            idempotencyKey: key, fingerprint: fingerprint, merchantNumber: batch.merchant.number,
            terminalNumber: batch.merchant.terminalNumber, batchNumber: batch.batchNumber, batchDate: batch.transmissionDate,
            industry: batch.industryType.rawValue, recordCount: totals.recordCount,
            netDeposit: totals.netDepositIsCredit ? -totals.netDeposit : totals.netDeposit, hashingTotal: totals.hashingTotal,
            cashBackTotal: totals.cashBackTotal, environment: environment,
            records: batch.detailRecords.enumerated().map { index, detail in
                LedgerRecordLine(
                    index: index, maskedCardNumber: detail.cardNumber.masked, amount: detail.settlementAmount.minorUnits,
                    transactionCode: detail.transactionType.wireTransactionCode(marketSpecificData: detail.marketSpecificData, profile: profile)
                        ?? "", kind: detail.transactionType.isCredit ? "credit" : "sale", cashBack: detail.cashBack?.minorUnits,
                    gratuity: detail.gratuity?.minorUnits)
            })
    }

    /// HMAC-SHA-256 of the request's canonical JSON (members in name order, no white space):
    /// the same batch sent with its fields in another order or spacing has the same
    /// fingerprint, and it does not depend on the number the ledger allocates. Keyed, because a
    /// plain hash of a one-record batch could be reversed to its card number from the ledger's
    /// own masked number, amount and dates (PCI DSS asks keyed hashes for the same reason).
    static func fingerprint(_ canonicalJSON: [UInt8], key: [UInt8]) -> String {
        LedgerFingerprint.current(Hex.encode(Digest.hmacSHA256(canonicalJSON, key: key)))
    }

    /// The state a settlement ends in: accepted, duplicate, rejected, failed (nothing captured)
    /// or in doubt (the trailer went out).
    static func state(of outcome: SettlementOutcome) -> SettlementState {
        switch outcome {
        case .accepted: .accepted
        case .duplicate: .duplicate
        case .rejected: .rejected
        case .failed: .failed
        case .inDoubt: .inDoubt
        }
    }

    /// The ending recorded for an outcome: the host's answer as typed fields, and the HTTP
    /// answer the caller got (replayed for a retry with the same idempotency key).
    package static func outcome(_ outcome: SettlementOutcome, answer: LedgerAnswer) -> LedgerOutcome {
        var ending = LedgerOutcome(state: state(of: outcome), answer: answer)
        switch outcome {
        case .accepted(let response), .duplicate(let response):
            record(response, in: &ending)
        case .rejected(let response, let detailIndex):
            record(response, in: &ending)
            ending.rejection = response.rejection.map { BatchRejection($0, detailRecordIndex: detailIndex) }
        case .failed(_, let message), .inDoubt(_, let message):
            ending.failure = PacketTrace.masked(message)
        }
        return ending
    }

    private static func record(_ response: HostResponse, in ending: inout LedgerOutcome) {
        ending.responseCode = response.rawCode
        ending.responseText = response.text.isEmpty ? nil : response.text
        ending.responseBatchNumber = response.batchNumber
        ending.responseNetDeposit = response.netDeposit
        ending.responseRecordCount = response.recordCount
    }

    /// RFC 3339 in UTC with milliseconds.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }

    /// RFC 3339 in `zone`, to the second, with its offset (`2026-11-28T23:00:00-05:00`).
    static func timestamp(_ date: Date, in zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: date)
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let day = LocalDate(daysSinceEpoch: Int((Double(seconds) / 86_400).rounded(.down)))
        let time = seconds - day.daysSinceEpoch * 86_400
        let clock = TimeOfDay(hour: time / 3600, minute: time / 60 % 60, second: time % 60)
        let sign = offset < 0 ? "-" : "+", magnitude = abs(offset) / 60
        let zoneText = offset == 0 ? "Z" : sign + TimeOfDay(hour: magnitude / 60, minute: magnitude % 60, second: 0).hourMinute
        return day.iso + "T" + clock.iso + zoneText
    }
}
