import Foundation
import SettleAPI
import SettleHTTP
import SettleLedger
import SettleModel
import SettleSimulator
import SettleTestSupport
import Testing

/// Reconciliation through the API against the simulator: every example's summary equals the
/// host's totals and adds up by brand and kind; a difference shows as unbalanced; a day's report
/// as JSON and as CSV.
@Suite(.serialized) struct ReconciliationAPITests {
    typealias T = SettlementAPITests
    static let examples = [
        "amex-corporate", "auto-rental", "canadian-commercial", "chip-retail", "direct-marketing", "ecommerce-3ds", "grocery", "hotel", "level2",
        "level3", "passenger-transport", "payment-facilitator", "restaurant", "retail", "tokenized",
    ]

    func json(_ response: HTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    @Test(arguments: examples)
    func anExamplesSummaryEqualsTheHostsTotals(name: String) async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let api = LedgerAPITests().api(simulator, try LedgerAPITests.ledger())
        let settled = await api.handle(try LedgerAPITests.post(try T.example(name)))
        #expect(settled.status == 200, "\(name): \(String(decoding: settled.body, as: UTF8.self))")
        let location = try #require(settled.headers["location"])
        let summary = try json(await api.handle(try T.request("GET", location + "/summary")))
        #expect(summary["balanced"] as? Bool == true, "\(name): \(summary["difference"] ?? "")")
        let ours = try #require(summary["ours"] as? [String: Any]), host = try #require(summary["host"] as? [String: Any])
        #expect(ours["recordCount"] as? Int == host["recordCount"] as? Int)
        #expect((ours["netDeposit"] as? Int).map(abs) == host["netDeposit"] as? Int)
        // The lines add up to our net deposit, and count every detail record once.
        let lines = try #require(summary["lines"] as? [[String: Any]])
        let sales = lines.filter { $0["kind"] as? String == "sale" }, credits = lines.filter { $0["kind"] as? String == "credit" }
        let net = sales.reduce(0) { $0 + ($1["amount"] as? Int ?? 0) } - credits.reduce(0) { $0 + ($1["amount"] as? Int ?? 0) }
        #expect(net == ours["netDeposit"] as? Int)
        let record = try json(await api.handle(try T.request("GET", location)))
        let details = (record["records"] as? [Any])?.count ?? -1
        #expect(sales.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } + credits.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == details)
    }

    /// An accepted batch whose host totals differ from ours (a host that counted otherwise).
    @Test func aSettlementWhoseHostTotalsDifferIsNotBalanced() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let ledger = try LedgerAPITests.ledger()
        let api = LedgerAPITests().api(simulator, ledger)
        let good = await api.handle(try LedgerAPITests.post(try T.example("retail")))
        #expect(good.status == 200)
        let submission = try #require(try ledger.list(LedgerQuery()).entries.first).submission
        var other = submission
        other.batchNumber = 8
        other.idempotencyKey = "differs"
        guard case .admitted(let entry) = try ledger.admit(other, at: Date()) else { throw LedgerError("not admitted") }
        try ledger.markTransmitting(entry.id, at: Date())
        try ledger.complete(
            entry.id,
            with: LedgerOutcome(
                state: .accepted, responseCode: "GB", responseNetDeposit: submission.netDeposit.magnitude.clamped + 100,
                responseRecordCount: submission.recordCount, answer: LedgerAnswer(status: 200, body: [])), at: Date())
        let summary = try json(await api.handle(try T.request("GET", "/v1/settlements/\(entry.id)/summary")))
        #expect(summary["balanced"] as? Bool == false)
        #expect((summary["difference"] as? String)?.contains("net deposit") == true)
        let report = try json(await api.handle(try T.request("GET", "/v1/reports/settlements?date=\(submission.batchDate.iso)")))
        #expect(report["balanced"] as? Bool == false)
        #expect((report["settlements"] as? [Any])?.count == 2)
        #expect((report["states"] as? [String: Int])?["accepted"] == 2)
    }

    @Test(arguments: [
        ("text/csv", true), ("text/csv;q=0, application/json", false), ("application/json;q=0.1, text/csv", true), ("*/*", false),
        ("application/json, text/csv", false), ("text/csv;q=0.9, application/json;q=0.9", false), ("", false),
    ])
    func theAnswersFormFollowsAcceptByQuality(accept: String, csv: Bool) throws {
        var request = try T.request("GET", "/v1/reports/settlements?date=2026-11-26")
        if !accept.isEmpty { request.head.headers.append("Accept", accept) }
        #expect(SettlementAPI.wantsCSV(request) == csv)
    }

    /// A settlement in doubt keeps the day from reading balanced: resolved captured, its records
    /// count with the accepted ones, but the host's totals for it never came.
    @Test func aSettlementInDoubtKeepsTheDayUnbalanced() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let ledger = try LedgerAPITests.ledger()
        let api = LedgerAPITests().api(simulator, ledger)
        #expect(await api.handle(try LedgerAPITests.post(try T.example("retail"))).status == 200)
        var submission = try #require(try ledger.list(LedgerQuery()).entries.first).submission
        submission.batchNumber = 9
        submission.idempotencyKey = "doubt"
        guard case .admitted(let entry) = try ledger.admit(submission, at: Date()) else { throw LedgerError("not admitted") }
        try ledger.markTransmitting(entry.id, at: Date())
        _ = try SQLiteLedger(path: ledger.path).recoverInterrupted(at: Date())
        let date = submission.batchDate.iso
        let before = try json(await api.handle(try T.request("GET", "/v1/reports/settlements?date=\(date)")))
        #expect(before["balanced"] as? Bool == false)
        let count = { (report: [String: Any]) in
            (report["acceptedLines"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "sale" }.reduce(0) {
                $0 + ($1["count"] as? Int ?? 0)
            }
        }
        _ = try ledger.resolve(entry.id, as: .captured, note: "in the TSYS report", at: Date())
        let after = try json(await api.handle(try T.request("GET", "/v1/reports/settlements?date=\(date)")))
        #expect(after["balanced"] as? Bool == false)
        #expect(count(after) == 2 * count(before))
    }

    @Test func aDaysReportIsJSONOrCSV() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let api = LedgerAPITests().api(simulator, try LedgerAPITests.ledger())
        for number in 1...3 {
            let body = try T.example("retail").replacingOccurrences(of: "\"batchNumber\": 7,", with: "\"batchNumber\": \(number),")
            #expect(await api.handle(try LedgerAPITests.post(body)).status == 200)
        }
        let record = try json(await api.handle(try T.request("GET", "/v1/settlements?limit=1")))
        let date = try #require((record["settlements"] as? [[String: Any]])?.first?["batchDate"] as? String)
        let report = try json(await api.handle(try T.request("GET", "/v1/reports/settlements?date=\(date)&environment=simulator")))
        #expect(report["balanced"] as? Bool == true)
        let settlements = try #require(report["settlements"] as? [[String: Any]])
        #expect(!settlements.isEmpty && settlements.allSatisfy { $0["batchDate"] as? String == date })
        let total = (report["acceptedLines"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "sale" }.reduce(0) {
            $0 + ($1["count"] as? Int ?? 0)
        }
        #expect(total > 0)
        var request = try T.request("GET", "/v1/reports/settlements?date=\(date)")
        request.head.headers.append("Accept", "text/csv, application/json;q=0.5")
        let csv = await api.handle(request)
        #expect(csv.status == 200 && csv.headers["content-type"]?.hasPrefix("text/csv") == true)
        let rows = String(decoding: csv.body, as: UTF8.self).split(separator: "\r\n")
        #expect(rows.first?.hasPrefix("settlement,merchant,terminal,batch,batch_date") == true)
        #expect(rows.count == 1 + settlements.reduce(0) { $0 + max(1, ($1["lines"] as? [Any])?.count ?? 0) })
        #expect(!String(decoding: csv.body, as: UTF8.self).contains("4111111111111111"))
        let none = try json(await api.handle(try T.request("GET", "/v1/reports/settlements?date=2001-01-01")))
        #expect((none["settlements"] as? [Any])?.isEmpty == true && none["balanced"] as? Bool == true)
        #expect(await api.handle(try T.request("GET", "/v1/reports/settlements")).status == 400)
        #expect(await api.handle(try T.request("GET", "/v1/reports/settlements?date=2026-13-01")).status == 400)
        #expect(await api.handle(try T.request("GET", "/v1/settlements/stl_none/summary")).status == 404)
    }
}

extension UInt64 {
    fileprivate var clamped: Int64 { Int64(clamping: self) }
}
