import Foundation
import SettleAPI
import SettleHTTP
import SettleLedger
import SettleModel
import SettleSimulator
import SettleTestSupport
import Testing

/// `GET /v1/events`: the settlements' state changes, oldest first, read on from the last one
/// seen; the settlement as data, with no card number beyond the masked one.
@Suite(.serialized) struct EventsAPITests {
    typealias T = SettlementAPITests

    func json(_ response: HTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    func body(batch number: Int) throws -> String {
        try T.example("retail").replacingOccurrences(of: "\"batchNumber\": 7,", with: "\"batchNumber\": \(number),")
    }

    @Test func eachEndingIsListedOnceInOrderAndReadOnFromTheLastSeen() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let api = LedgerAPITests().api(simulator, try LedgerAPITests.ledger())
        var locations: [String] = []
        for number in 1...5 {
            let response = await api.handle(try LedgerAPITests.post(try body(batch: number), key: "order-\(number)"))
            #expect(response.status == 200)
            locations.append(try #require(response.headers["location"]))
        }
        let all = await api.handle(try T.request("GET", "/v1/events"))
        #expect(all.status == 200)
        let events = try #require(try json(all)["events"] as? [[String: Any]])
        #expect(events.map { $0["type"] as? String } == Array(repeating: "settlement.accepted", count: 5))
        #expect(events.map { "/v1/settlements/" + (($0["data"] as? [String: Any])?["id"] as? String ?? "") } == locations)
        #expect(events.allSatisfy { ($0["id"] as? String)?.hasPrefix("evt_") == true && $0["timestamp"] is String })
        for pan in ["4111111111111111", "5555555555554444"] { #expect(Data(all.body).range(of: Data(pan.utf8)) == nil) }
        // Two at a time, on from the last seen.
        var seen: [String] = []
        var target = "/v1/events?limit=2"
        while true {
            let page = try json(await api.handle(try T.request("GET", target)))
            seen += (page["events"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            guard let next = page["nextCursor"] as? String else { break }
            target = "/v1/events?limit=2&after=\(next)"
        }
        #expect(seen == events.compactMap { $0["id"] as? String })
        let last = try #require(events.last?["sequence"] as? Int)
        let none = try json(await api.handle(try T.request("GET", "/v1/events?after=\(last)")))
        #expect((none["events"] as? [Any])?.isEmpty == true && none["nextCursor"] == nil)
        let filtered = try json(await api.handle(try T.request("GET", "/v1/events?type=settlement.rejected,settlement.failed")))
        #expect((filtered["events"] as? [Any])?.isEmpty == true)
    }

    @Test(arguments: ["after=-1", "after=abc", "type=settlement.paid", "limit=0", "limit=501", "state=accepted"])
    func aBadParameterIs400(query: String) async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let api = LedgerAPITests().api(simulator, try LedgerAPITests.ledger())
        let response = await api.handle(try T.request("GET", "/v1/events?\(query)"))
        #expect(response.status == 400)
        #expect(response.headers["content-type"] == "application/problem+json")
    }

    @Test func aLedgerThatCannotBeReadIs503() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        var api = LedgerAPITests().api(simulator, try LedgerAPITests.ledger())
        api.ledger = BrokenLedger()
        let response = await api.handle(try T.request("GET", "/v1/events"))
        #expect(response.status == 503)
        #expect(!String(decoding: response.body, as: UTF8.self).contains("disk I/O"))
    }
}
