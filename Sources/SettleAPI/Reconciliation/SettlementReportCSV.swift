import Foundation
import SettleDTO

/// A report as CSV (RFC 4180): one row per settlement, brand and kind, the settlement's totals
/// and balance repeated on each; a settlement with no records has one row with empty brand and kind.
public enum SettlementReportCSV {
    public static let header = [
        "settlement", "merchant", "terminal", "batch", "batch_date", "environment", "state", "brand", "kind", "count", "amount",
        "record_count", "net_deposit", "host_record_count", "host_net_deposit", "balanced",
    ]

    public static func render(_ summaries: [SettlementSummaryDTO]) -> String {
        var rows = [header]
        for s in summaries {
            let totals = [
                String(s.ours.recordCount), String(s.ours.netDeposit), s.host.map { String($0.recordCount) } ?? "",
                s.host.map { String($0.netDeposit) } ?? "", s.balanced ? "true" : "false",
            ]
            let head = [s.settlementId, s.merchantNumber, s.terminalNumber, String(s.batchNumber), s.batchDate, s.environment, s.state]
            let lines = s.lines.isEmpty ? [nil] : s.lines.map { Optional($0) }
            for line in lines {
                rows.append(
                    head + [line?.brand ?? "", line?.kind ?? "", line.map { String($0.count) } ?? "", line.map { String($0.amount) } ?? ""] + totals)
            }
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Quoted when it holds a comma, a quote or a line break; a leading =, +, -, @, tab or
    /// carriage return is prefixed with a quote so a spreadsheet does not run it as a formula
    /// (a negative number stays a number).
    static func field(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+@\t\r".contains(first) || (first == "-" && Int64(text) == nil) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
