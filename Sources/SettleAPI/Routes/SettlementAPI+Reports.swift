import Foundation
import SettleDTO
import SettleHTTP
import SettleLedger
import SettleModel

/// `GET /v1/settlements/{id}/summary` and `GET /v1/reports/settlements`: totals by card brand and
/// kind, ours against the host's, as JSON or (`Accept: text/csv`) CSV.
extension SettlementAPI {
    func summarize(_ id: String, _ request: HTTPRequest) async -> HTTPResponse {
        guard let ledger else { return JSONResponse.problem(404, "Not found", "this server keeps no settlement ledger") }
        do {
            guard let entry = try await LedgerCalls.run({ () throws(LedgerError) in try ledger.entry(id) }) else {
                return JSONResponse.problem(404, "Not found", "no settlement \(id)")
            }
            let summary = SettlementSummary.summary(entry)
            return Self.wantsCSV(request) ? Self.csv(SettlementReportCSV.render([summary])) : Self.json(summary)
        } catch {
            return ledgerUnavailable(error)
        }
    }

    /// `?date=YYYY-MM-DD` (the batches' date; required), `merchant`, `environment`.
    func report(_ request: HTTPRequest) async -> HTTPResponse {
        guard let ledger else { return JSONResponse.problem(404, "Not found", "this server keeps no settlement ledger") }
        let parameters = QueryParameters(target: Substring(request.head.target))
        let known: Set<String> = ["date", "merchant", "environment"]
        if let unknown = parameters.names.subtracting(known).sorted().first {
            return JSONResponse.problem(400, "Unknown parameter", "\(unknown) is not a filter; use \(known.sorted().joined(separator: ", "))")
        }
        guard let text = parameters["date"], let date = LocalDate(iso: text) else {
            return JSONResponse.problem(400, "Invalid date", "date is the batches' date, YYYY-MM-DD (required)")
        }
        var query = LedgerQuery(merchantNumber: parameters["merchant"], limit: 500)
        query.batchDate = date
        query.environment = parameters["environment"]
        do {
            let asked = query
            let entries = try await LedgerCalls.run { () throws(LedgerError) -> [LedgerEntry] in
                var entries: [LedgerEntry] = [], page = asked
                while true {
                    let found = try ledger.list(page)
                    entries += found.entries
                    guard let next = found.nextCursor else { return entries }
                    page.cursor = next
                }
            }
            let report = SettlementSummary.report(date: date, merchant: query.merchantNumber, environment: query.environment, entries: entries)
            return Self.wantsCSV(request) ? Self.csv(SettlementReportCSV.render(report.settlements)) : Self.json(report)
        } catch {
            return ledgerUnavailable(error)
        }
    }

    /// Whether the client prefers CSV to JSON (RFC 9110 §12.5.1: by quality, `q=0` refusing;
    /// JSON on a tie, and when neither is named).
    package static func wantsCSV(_ request: HTTPRequest) -> Bool {
        var quality: [String: Double] = [:]
        for element in request.head.headers.tokens("accept") {
            let parts = element.split(separator: ";").map { $0.trimmingHTTPWhitespace() }
            guard let type = parts.first else { continue }
            let q = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            quality[type] = max(quality[type] ?? 0, q)
        }
        let csv = quality["text/csv"] ?? 0
        let json = quality["application/json"] ?? quality["application/*"] ?? quality["*/*"] ?? (quality.isEmpty ? 1 : 0)
        return csv > 0 && csv > json
    }

    static func csv(_ text: String) -> HTTPResponse {
        HTTPResponse(
            status: 200,
            headers: HTTPHeaders([("Content-Type", "text/csv; charset=utf-8; header=present"), ("Cache-Control", "no-store"), ("Vary", "Accept")]),
            body: Array(text.utf8))
    }

    /// JSON, saying the answer depends on `Accept`.
    static func json(_ value: some Encodable) -> HTTPResponse {
        var response = JSONResponse.make(200, value)
        response.headers.append("Vary", "Accept")
        return response
    }
}
