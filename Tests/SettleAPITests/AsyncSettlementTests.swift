import Foundation
import SettleAPI
import SettleHTTP
import SettleLedger
import SettleModel
import SettleSimulator
import SettleTestSupport
import Testing

/// `Prefer: respond-async` (RFC 7240): the settlement is answered `202 Accepted` once the ledger
/// admitted it and goes on in the background, against the simulator on real TLS with a real
/// SQLite ledger; refusals are answered at once, and finishing the background ends every
/// settlement handed over before it returns.
@Suite(.serialized) struct AsyncSettlementTests {
    typealias T = SettlementAPITests

    /// The API with a ledger and a background whose runner is `runner`.
    func api(_ simulator: SimulatorServer, _ background: BackgroundSettlements) throws -> SettlementAPI {
        var api = LedgerAPITests().api(simulator, try LedgerAPITests.ledger())
        api.background = background
        return api
    }

    static func post(_ body: String, key: String? = nil, async: Bool = true) throws -> HTTPRequest {
        var request = try LedgerAPITests.post(body, key: key)
        if async { request.head.headers.append("Prefer", "wait=5, respond-async") }
        return request
    }

    static func slowHost() -> SimulatorScript {
        var slow = SimulatorScript()
        slow.processingDelay = .milliseconds(500)
        slow.processingInterval = .milliseconds(100)
        return slow
    }

    func json(_ response: HTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    /// The entry at `location` once it is no longer `received` or `transmitting`.
    func ended(_ api: SettlementAPI, _ location: String) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + .seconds(60)
        while true {
            let record = try json(await api.handle(try T.request("GET", location)))
            let state = record["state"] as? String
            if state != "received" && state != "transmitting" || ContinuousClock.now > deadline { return record }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test func aSettlementPreferringRespondAsyncIsAnswered202AndEndsInTheBackground() async throws {
        let simulator = try SimulatorServer(script: Self.slowHost(), judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let background = BackgroundSettlements()
        let runner = Task { await background.run() }
        let api = try api(simulator, background)
        let response = await api.handle(try Self.post(try T.example("retail"), key: "async-1"))
        #expect(response.status == 202)
        #expect(response.headers["preference-applied"] == "respond-async")
        let location = try #require(response.headers["location"])
        #expect(location.hasPrefix("/v1/settlements/stl_"))
        let recorded = try json(response)
        #expect(recorded["state"] as? String == "received")
        #expect(recorded["idempotencyKey"] as? String == "async-1")
        let record = try await ended(api, location)
        #expect(record["state"] as? String == "accepted")
        #expect(record["responseCode"] as? String == "GB")
        // A retry of the same request, after the end, gets the settlement's answer.
        let replay = await api.handle(try Self.post(try T.example("retail"), key: "async-1"))
        #expect(replay.status == 200 && replay.headers["idempotent-replayed"] == "true")
        background.finish()
        await runner.value
        simulator.waitUntilIdle()
        #expect(simulator.transcripts.count == 1)
    }

    @Test func refusalsAreAnsweredAtOnceWhenRespondAsyncIsPreferred() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let background = BackgroundSettlements()
        let runner = Task { await background.run() }
        let api = try api(simulator, background)
        let invalid = await api.handle(try Self.post(#"{"industryType": "retail"}"#, key: "bad"))
        #expect(invalid.status == 400 && invalid.headers["preference-applied"] == nil)
        let first = await api.handle(try Self.post(try T.example("retail"), key: "a"))
        #expect(first.status == 202)
        _ = try await ended(api, try #require(first.headers["location"]))
        // The same batch number under another key: refused by the guard, at once.
        let again = await api.handle(try Self.post(try T.example("retail"), key: "b"))
        #expect(again.status == 409 && again.headers["preference-applied"] == nil)
        #expect(try json(again)["type"] as? String == "/problems/batch-number-accepted")
        background.finish()
        await runner.value
        simulator.waitUntilIdle()
        #expect(simulator.transcripts.count == 1)
    }

    /// A client whose 202 was lost sends the same request again while the settlement is under
    /// way: it is told the same settlement is accepted, and the host sees the batch once.
    @Test func theSameRequestAgainWhileUnderWayIsAnswered202ForTheSameSettlement() async throws {
        let simulator = try SimulatorServer(script: Self.slowHost(), judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let background = BackgroundSettlements()
        let runner = Task { await background.run() }
        let api = try api(simulator, background)
        let body = try T.example("retail")
        let first = await api.handle(try Self.post(body, key: "same"))
        let second = await api.handle(try Self.post(body, key: "same"))
        #expect(first.status == 202 && second.status == 202)
        #expect(first.headers["location"] == second.headers["location"])
        // Without the preference the same retry is told to come back later, as before.
        let synchronous = await api.handle(try Self.post(body, key: "same", async: false))
        #expect([409, 200].contains(synchronous.status))
        _ = try await ended(api, try #require(first.headers["location"]))
        background.finish()
        await runner.value
        simulator.waitUntilIdle()
        #expect(simulator.transcripts.count == 1)
    }

    /// What a graceful shutdown does once the API has drained: every settlement handed over ends,
    /// its ending recorded, before `run()` returns; one handed over after that is settled in its
    /// own request instead (200, the preference not applied).
    @Test func finishingEndsEverySettlementHandedOverAndLaterOnesAreSettledInTheirRequest() async throws {
        let simulator = try SimulatorServer(script: Self.slowHost(), judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let background = BackgroundSettlements()
        let runner = Task { await background.run() }
        let api = try api(simulator, background)
        var locations: [String] = []
        for number in 1...8 {
            let body = try T.example("retail").replacingOccurrences(of: "\"batchNumber\": 7,", with: "\"batchNumber\": \(number),")
            let response = await api.handle(try Self.post(body, key: "batch-\(number)"))
            #expect(response.status == 202)
            locations.append(try #require(response.headers["location"]))
        }
        background.finish()
        await runner.value
        #expect(background.inHand == 0)
        for location in locations {
            let record = try json(await api.handle(try T.request("GET", location)))
            #expect(record["state"] as? String == "accepted", "\(location): \(record["state"] ?? "none")")
        }
        let late = await api.handle(
            try Self.post(try T.example("retail").replacingOccurrences(of: "\"batchNumber\": 7,", with: "\"batchNumber\": 9,")))
        #expect(late.status == 200 && late.headers["preference-applied"] == nil)
        simulator.waitUntilIdle()
        #expect(simulator.transcripts.count == 9)
    }

    /// A burst past the queue's room is settled in its requests: one under way and one waiting
    /// are answered 202, the third when it ends.
    @Test func pastTheQueuesRoomASettlementIsAnsweredWhenItEnds() async throws {
        let simulator = try SimulatorServer(script: Self.slowHost(), judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let background = BackgroundSettlements(maximumConcurrent: 1, maximumWaiting: 1)
        let runner = Task { await background.run() }
        let api = try api(simulator, background)
        var statuses: [Int] = []
        for number in 1...3 {
            let body = try T.example("retail").replacingOccurrences(of: "\"batchNumber\": 7,", with: "\"batchNumber\": \(number),")
            let response = await api.handle(try Self.post(body, key: "room-\(number)"))
            statuses.append(response.status)
            #expect((response.headers["preference-applied"] != nil) == (response.status == 202))
        }
        #expect(statuses == [202, 202, 200])
        background.finish()
        await runner.value
        simulator.waitUntilIdle()
        #expect(simulator.transcripts.count == 3)
    }

    @Test(arguments: [
        ("respond-async", ["respond-async"]), ("wait=10, Respond-Async", ["wait", "respond-async"]),
        ("respond-async; foo=\"bar\", handling=strict", ["respond-async", "handling"]), ("", []), (" , ", []),
    ])
    func preferencesAreReadByName(field: String, names: [String]) {
        #expect(HTTPHeaders([("Prefer", field)]).preferences == names)
    }
}
