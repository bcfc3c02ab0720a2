import SettleDTO
import SettleLedger
import SettleModel

/// Reconciliation from the ledger: a settlement's records by card brand (from the masked
/// number's first six digits) and kind, our totals against the host's `GB` answer, and a day's
/// report. Pure functions of the entries.
public enum SettlementSummary {
    /// The lines of `records`: per brand, sales and credits (count and amount), and the cash back
    /// and gratuity within them. In brand, then kind order.
    public static func lines(_ records: [LedgerRecordLine]) -> [SettlementSummaryLineDTO] {
        var totals: [String: [String: (count: Int, amount: Int64)]] = [:]
        func add(_ brand: String, _ kind: String, _ amount: Int64) {
            let old = totals[brand, default: [:]][kind] ?? (0, 0)
            totals[brand, default: [:]][kind] = (old.count + 1, old.amount &+ amount)
        }
        for record in records {
            let brand = CardBrand(digits: record.maskedCardNumber).rawValue
            add(brand, record.kind ?? "unknown", record.amount)
            if let cashBack = record.cashBack, cashBack > 0 { add(brand, "cashBack", cashBack) }
            if let gratuity = record.gratuity, gratuity > 0 { add(brand, "gratuity", gratuity) }
        }
        let kinds = ["sale", "credit", "cashBack", "gratuity", "unknown"]
        return CardBrand.allCases.map(\.rawValue).flatMap { brand in
            kinds.compactMap { kind in
                totals[brand]?[kind].map { SettlementSummaryLineDTO(brand: brand, kind: kind, count: $0.count, amount: $0.amount) }
            }
        }
    }

    /// One settlement's summary.
    public static func summary(_ entry: LedgerEntry) -> SettlementSummaryDTO {
        let s = entry.submission, o = entry.outcome
        let ours = SettlementTotalsDTO(recordCount: s.recordCount, netDeposit: s.netDeposit)
        var host: SettlementTotalsDTO?
        var difference: String?
        if entry.state == .accepted, let count = o?.responseRecordCount, let net = o?.responseNetDeposit {
            host = SettlementTotalsDTO(recordCount: count, netDeposit: net)
            if count != s.recordCount {
                difference = "the host counted \(count) records, we sent \(s.recordCount)"
            } else if net != s.netDeposit.magnitude.clampedInt64 {
                difference = "the host's net deposit is \(net), ours \(s.netDeposit.magnitude)"
            }
        } else if entry.state == .accepted {
            difference = "the host's answer carried no totals"
        } else if entry.state == .inDoubt && entry.resolution == LedgerResolution.captured.rawValue {
            difference = "captured by the operator's finding; the host's totals never arrived (check them in the TSYS report)"
        } else {
            difference = "not accepted: \(entry.state.rawValue)\(entry.resolution.map { " (resolved \($0))" } ?? "")"
        }
        return SettlementSummaryDTO(
            settlementId: entry.id, merchantNumber: s.merchantNumber, terminalNumber: s.terminalNumber, batchNumber: s.batchNumber,
            batchDate: s.batchDate.iso, environment: s.environment, state: entry.state.rawValue, lines: lines(s.records), ours: ours, host: host,
            balanced: difference == nil, difference: difference)
    }

    /// The report of `date`'s settlements (`entries`, any order): oldest first, the captured
    /// ones' lines added up (accepted, and in doubt but resolved captured: the host has them).
    /// The day is balanced when every accepted settlement is and none is in doubt: a captured one
    /// has no host totals to compare, an unresolved one may or may not be in the deposit.
    public static func report(date: LocalDate, merchant: String?, environment: String?, entries: [LedgerEntry]) -> SettlementReportDTO {
        let ordered = entries.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        let summaries = ordered.map(summary)
        let captured = ordered.filter { $0.state == .accepted || ($0.state == .inDoubt && $0.resolution == LedgerResolution.captured.rawValue) }
        let accepted = summaries.filter { $0.state == SettlementState.accepted.rawValue }
        return SettlementReportDTO(
            date: date.iso, merchant: merchant, environment: environment, settlements: summaries,
            acceptedLines: lines(captured.flatMap(\.submission.records)),
            states: Dictionary(ordered.map { ($0.state.rawValue, 1) }, uniquingKeysWith: +),
            balanced: accepted.allSatisfy(\.balanced) && !ordered.contains { $0.state == .inDoubt })
    }
}

extension UInt64 {
    fileprivate var clampedInt64: Int64 { Int64(clamping: self) }
}
