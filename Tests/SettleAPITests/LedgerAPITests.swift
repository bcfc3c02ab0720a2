import Foundation
import SettleAPI
import SettleDTO
import SettleHTTP
import SettleLedger
import SettleLoad
import SettleModel
import SettleService
import SettleSimulator
import SettleTestSupport
import Synchronization
import Testing

/// The ledger through the API, against the simulator on real TLS with a real SQLite file:
/// recorded before sending, located, replayed, guarded; the host sees each batch once.
@Suite(.serialized) struct LedgerAPITests {
    typealias T = SettlementAPITests

    static func ledger() throws -> SQLiteLedger {
        try SQLiteLedger(directory: Scratch.url("api-ledger").path)
    }

    func api(_ simulator: SimulatorServer, _ ledger: SQLiteLedger) -> SettlementAPI {
        var api = SettlementAPITests().api(simulator)
        api.ledger = ledger
        return api
    }

    static func post(_ body: String, key: String? = nil) throws -> HTTPRequest {
        var request = try T.request("POST", "/v1/settlements", body: body)
        if let key { request.head.headers.append("Idempotency-Key", key) }
        return request
    }

    func json(_ response: HTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    /// How many batches the simulator has finished sessions for.
    func sessions(_ simulator: SimulatorServer) -> Int {
        simulator.waitUntilIdle()
        return simulator.transcripts.count
    }

    @Test func aSettlementIsRecordedLocatedAndHoldsNoCardNumber() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let ledger = try Self.ledger()
        let api = api(simulator, ledger)
        let response = await api.handle(try Self.post(try T.example("retail"), key: "order-1"))
        #expect(response.status == 200)
        let location = try #require(response.headers["location"])
        #expect(location.hasPrefix("/v1/settlements/stl_"))
        let lookup = await api.handle(try T.request("GET", location))
        #expect(lookup.status == 200)
        let record = try json(lookup)
        #expect(record["state"] as? String == "accepted")
        #expect(record["responseCode"] as? String == "GB")
        #expect(record["idempotencyKey"] as? String == "order-1")
        #expect(record["batchNumber"] as? Int == 7)
        let lines = try #require(record["records"] as? [[String: Any]])
        #expect(lines.map { $0["maskedCardNumber"] as? String } == ["411111******1111", "555555******4444", "555555******4444"])
        #expect(await api.handle(try T.request("GET", "/v1/settlements/stl_unknown")).status == 404)
        // The ledger file itself: no full card number anywhere in it (WAL included).
        for suffix in ["", "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: ledger.path + suffix))) ?? Data()
            for pan in ["4111111111111111", "5555555555554444"] { #expect(bytes.range(of: Data(pan.utf8)) == nil, "\(pan) in \(suffix)") }
        }
    }

    /// A ledger that cannot write (a full disk, a lost volume: hard to make for real in a test)
    /// takes the service out of rotation, and a settlement is refused rather than sent unrecorded.
    @Test func withoutAWorkingLedgerTheServiceIsNotReadyAndSendsNothing() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        var api = api(simulator, try Self.ledger())
        #expect(await api.handle(try T.request("GET", "/readyz")).status == 200)
        api.ledger = BrokenLedger()
        #expect(await api.handle(try T.request("GET", "/readyz")).status == 503)
        #expect(await api.handle(try T.request("GET", "/healthz")).status == 200)
        let refused = await api.handle(try Self.post(try T.example("retail"), key: "b-1"))
        #expect(refused.status == 503)
        #expect(sessions(simulator) == 0)
    }

    /// A replica whose lease lapsed between admitting a batch and sending it (a long pause) is
    /// fenced: nothing is sent, the caller gets 503, the entry ends `failed`, and its key is let
    /// go, so the caller's retry under it settles once the replica holds a lease again.
    @Test func aReplicaWhoseLeaseLapsedSendsNothingAndTheRetrySettles() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let ledger = try PostgresLedger(url: try PostgresTestServer.shared.get().makeDatabase())
        var api = SettlementAPITests().api(simulator)
        api.ledger = ledger
        // A lease that has lapsed by the time the link would open.
        try ledger.acquireLease(instance: "paused", duration: .milliseconds(1), at: Date().addingTimeInterval(-1))
        let body = try T.example("retail")
        let refused = await api.handle(try Self.post(body, key: "fenced-1"))
        #expect(refused.status == 503)
        #expect(
            try json(refused)["detail"] as? String
                == "the settlement could not be recorded, so nothing was sent; retry shortly (the service log says why)")
        let location = try #require(refused.headers["location"])
        let record = try json(await api.handle(try T.request("GET", location)))
        #expect(record["state"] as? String == "failed")
        #expect(record["idempotencyKey"] == nil, "the key was let go for the retry")
        #expect(sessions(simulator) == 0)
        try ledger.acquireLease(instance: "paused", duration: .seconds(30), at: Date())
        let retried = await api.handle(try Self.post(body, key: "fenced-1"))
        #expect(retried.status == 200)
        #expect(retried.headers["location"] != location)
        #expect(sessions(simulator) == 1)
    }

    @Test func aRetryWithTheSameKeyReplaysTheAnswerAndSendsNothing() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let api = api(simulator, try Self.ledger())
        let body = try T.example("retail")
        let first = await api.handle(try Self.post(body, key: "k-1"))
        let again = await api.handle(try Self.post(body, key: "k-1"))
        #expect(first.status == 200)
        #expect(again.status == 200)
        #expect(again.body == first.body)
        #expect(again.headers["location"] == first.headers["location"])
        #expect(again.headers["idempotent-replayed"] == "true")
        #expect(sessions(simulator) == 1)
        // The same key for another batch is refused, and not sent.
        let other = body.replacingOccurrences(of: "\"batchNumber\": 7", with: "\"batchNumber\": 8")
        let reused = await api.handle(try Self.post(other, key: "k-1"))
        #expect(reused.status == 422)
        #expect(try json(reused)["type"] as? String == "/problems/idempotency-key-reused")
        #expect(sessions(simulator) == 1)
    }

    /// The fingerprint is the request's canonical JSON: the same document with its members in
    /// another order and other spacing is the same request, and replays.
    @Test func aRetryWrittenDifferentlyIsTheSameRequest() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let api = api(simulator, try Self.ledger())
        let body = try T.example("retail")
        let value = try JSONSerialization.jsonObject(with: Data(body.utf8))
        let rewritten = try #require(String(data: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), encoding: .utf8))
        #expect(rewritten != body)
        let first = await api.handle(try Self.post(body, key: "same-1"))
        let again = await api.handle(try Self.post(rewritten, key: "same-1"))
        #expect(first.status == 200)
        #expect(again.status == 200)
        #expect(again.headers["idempotent-replayed"] == "true")
        #expect(sessions(simulator) == 1)
    }

    /// A rejection is recorded as typed fields and shown as the result showed it.
    @Test func aRejectionIsRecordedFieldByField() async throws {
        var rejecting = SimulatorScript()
        rejecting.earlyRejectionAtBlock = 2
        let host = try SimulatorServer(script: rejecting, judge: BatchJudge(today: T.today))
        defer { host.stop() }
        let ledger = try Self.ledger()
        let response = await api(host, ledger).handle(try Self.post(try T.example("retail"), key: "rb-1"))
        #expect(response.status == 422)
        let answered = try #require((try json(response)["result"] as? [String: Any])?["rejection"] as? [String: Any])
        let id = try #require(response.headers["location"]?.split(separator: "/").last.map(String.init))
        let rejection = try #require(try ledger.entry(id)?.outcome?.rejection)
        #expect(rejection.errorType == answered["errorType"] as? String)
        #expect(rejection.recordType == answered["recordType"] as? String)
        #expect(rejection.sequenceNumber == answered["sequenceNumber"] as? Int)
        #expect(rejection.fieldNumber == answered["fieldNumber"] as? Int)
        #expect(rejection.detailRecordIndex == answered["detailRecordIndex"] as? Int)
        let shown = try json(await api(host, ledger).handle(try T.request("GET", "/v1/settlements/\(id)")))
        #expect((shown["rejection"] as? [String: Any])?["sequenceNumber"] as? Int == rejection.sequenceNumber)
    }

    @Test(arguments: ["", String(repeating: "k", count: 256), "has space", "caf\u{E9}"])
    func aMalformedIdempotencyKeyIs400AndNothingIsSent(_ key: String) async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let response = await api(simulator, try Self.ledger()).handle(try Self.post(try T.example("retail"), key: key))
        #expect(response.status == 400)
        #expect(try json(response)["title"] as? String == "Invalid Idempotency-Key")
        #expect(sessions(simulator) == 0)
    }

    @Test(arguments: ["\"unterminated", "\"a\"b", "\"bad\\q\"", "\"\"", "\"tab\there\""])
    func aMalformedQuotedKeyIs400(_ key: String) async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let response = await api(simulator, try Self.ledger()).handle(try Self.post(try T.example("retail"), key: key))
        #expect(response.status == 400)
        #expect(sessions(simulator) == 0)
    }

    /// The IETF draft's Structured Field string and a bare token name one key.
    @Test func theQuotedAndTheBareFormAreOneKey() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let api = api(simulator, try Self.ledger())
        let body = try T.example("retail")
        let first = await api.handle(try Self.post(body, key: "\"8e03978e-40d5-43e8-bc93-6894a57f9324\""))
        let again = await api.handle(try Self.post(body, key: "8e03978e-40d5-43e8-bc93-6894a57f9324"))
        #expect(first.status == 200)
        #expect(again.headers["idempotent-replayed"] == "true")
        #expect(again.headers["location"] == first.headers["location"])
        let record = try json(await api.handle(try T.request("GET", try #require(first.headers["location"]))))
        #expect(record["idempotencyKey"] as? String == "8e03978e-40d5-43e8-bc93-6894a57f9324")
        #expect(sessions(simulator) == 1)
    }

    /// Keys belong to the API key that sent them: another client's same key is another request,
    /// never a replay of the first client's answer (the batch-number guard still holds).
    @Test func anotherClientsSameKeyIsNotAReplay() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let hash = APIKeysTests.hex
        var api = api(simulator, try Self.ledger())
        api.keys = try #require(APIKeys(hexHashes: [hash("client-a-secret"), hash("client-b-secret")]))
        let body = try T.example("retail")
        func post(_ body: String, as client: String) throws -> HTTPRequest {
            var request = try Self.post(body, key: "shared-key")
            request.head.headers.append("Authorization", "Bearer \(client)")
            return request
        }
        let first = await api.handle(try post(body, as: "client-a-secret"))
        #expect(first.status == 200)
        let other = await api.handle(try post(body, as: "client-b-secret"))
        #expect(other.headers["idempotent-replayed"] == nil)
        #expect(other.status == 409, "the batch number was accepted: guarded, not replayed")
        let another = body.replacingOccurrences(of: "\"batchNumber\": 7", with: "\"batchNumber\": 8")
        #expect(await api.handle(try post(another, as: "client-b-secret")).status == 200, "not 422: the key is client B's own")
        #expect(await api.handle(try post(body, as: "client-a-secret")).headers["idempotent-replayed"] == "true")
        #expect(sessions(simulator) == 2)
    }

    @Test func aKeyStillInFlightIs409WithRetryAfter() async throws {
        var slow = SimulatorScript()
        // Long enough that the second request surely arrives while the first is with the host.
        slow.processingDelay = .seconds(2)
        slow.processingInterval = .milliseconds(100)
        let simulator = try SimulatorServer(script: slow, judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let api = api(simulator, try Self.ledger())
        let body = try T.example("retail")
        let first = Task { await api.handle(try Self.post(body, key: "slow-1")) }
        let deadline = ContinuousClock.now + .seconds(10)
        while simulator.runningSessions == 0 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        let second = await api.handle(try Self.post(body, key: "slow-1"))
        #expect(second.status == 409)
        #expect(second.headers["retry-after"] == "2")
        #expect(try json(second)["type"] as? String == "/problems/settlement-in-progress")
        #expect(try await first.value.status == 200)
        // Once it has finished, the same request gets the answer.
        let third = await api.handle(try Self.post(body, key: "slow-1"))
        #expect(third.status == 200)
        #expect(third.body == (try await first.value.body))
        #expect(sessions(simulator) == 1)
    }

    /// Fingerprints are keyed (a plain hash of a one-record batch could be reversed to its card
    /// number from the ledger's masked number and amount): replicas must share the key, and
    /// with another key the same request no longer matches.
    @Test func fingerprintsAreKeyed() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let ledger = try Self.ledger()
        var first = api(simulator, ledger), sameKey = api(simulator, ledger), otherKey = api(simulator, ledger)
        first.fingerprintKey = Array(repeating: 1, count: 32)
        sameKey.fingerprintKey = first.fingerprintKey
        otherKey.fingerprintKey = Array(repeating: 2, count: 32)
        let body = try T.example("retail")
        #expect(await first.handle(try Self.post(body, key: "f-1")).status == 200)
        #expect(await sameKey.handle(try Self.post(body, key: "f-1")).headers["idempotent-replayed"] == "true")
        #expect(await otherKey.handle(try Self.post(body, key: "f-1")).status == 422)
    }

    @Test func anAcceptedBatchNumberIsRefusedBeforeAnythingIsSent() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let api = api(simulator, try Self.ledger())
        let body = try T.example("retail")
        #expect(await api.handle(try Self.post(body, key: "a")).status == 200)
        let second = await api.handle(try Self.post(body, key: "b"))
        #expect(second.status == 409)
        let problem = try json(second)
        #expect(problem["type"] as? String == "/problems/batch-number-accepted")
        #expect((problem["settlement"] as? String)?.hasPrefix("stl_") == true)
        #expect(second.headers["content-location"] != nil)
        #expect(sessions(simulator) == 1)  // the host never saw the second (no QD needed)
        let metrics = String(decoding: await api.handle(try T.request("GET", "/metrics")).body, as: UTF8.self)
        #expect(metrics.contains(#"tsys_settle_ledger_admissions_total{result="admitted"} 1"#))
        #expect(metrics.contains(#"tsys_settle_ledger_admissions_total{result="batch_number_accepted"} 1"#))
    }

    @Test func aRejectedBatchMayBeCorrectedAndSentAgainWithItsNumber() async throws {
        var rejecting = SimulatorScript()
        rejecting.earlyRejectionAtBlock = 2
        let refusingHost = try SimulatorServer(script: rejecting, judge: BatchJudge(today: T.today))
        let goodHost = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer {
            refusingHost.stop()
            goodHost.stop()
        }
        let ledger = try Self.ledger()
        let body = try T.example("retail")
        #expect(await api(refusingHost, ledger).handle(try Self.post(body, key: "try-1")).status == 422)
        let resent = await api(goodHost, ledger).handle(try Self.post(body, key: "try-2"))
        #expect(resent.status == 200)
    }

    @Test func settlementsAreListedByPagesAndFilters() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let api = api(simulator, try Self.ledger())
        let body = try T.example("retail")
        for number in [7, 8, 9] {
            let document = body.replacingOccurrences(of: "\"batchNumber\": 7", with: "\"batchNumber\": \(number)")
            #expect(await api.handle(try Self.post(document)).status == 200)
        }
        var numbers: [Int] = []
        var target = "/v1/settlements?state=accepted&merchant=888000002200&limit=2"
        while true {
            let response = await api.handle(try T.request("GET", target))
            let page = try json(response)
            let items = try #require(page["settlements"] as? [[String: Any]])
            numbers += items.compactMap { $0["batchNumber"] as? Int }
            #expect(items.allSatisfy { $0["records"] == nil })
            guard let cursor = page["nextCursor"] as? String else { break }
            target = "/v1/settlements?state=accepted&limit=2&cursor=\(cursor)"
        }
        #expect(numbers == [9, 8, 7])
        let rejected = try json(await api.handle(try T.request("GET", "/v1/settlements?state=rejected")))
        #expect((rejected["settlements"] as? [Any])?.isEmpty == true)
        for bad in ["state=lost", "colour=red", "limit=0", "from=yesterday", "cursor=x"] {
            #expect(await api.handle(try T.request("GET", "/v1/settlements?\(bad)")).status == 400, "\(bad)")
        }
    }

    /// In doubt blocks the number (nothing reaches the next host) until resolved; resolutions are
    /// checked, happen once, and not-captured frees the number.
    @Test func anInDoubtBatchBlocksItsNumberUntilResolved() async throws {
        var script = SimulatorScript()
        script.truncatesResponse = true
        let truncating = try SimulatorServer(script: script, judge: BatchJudge(today: T.today))
        let goodHost = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer {
            truncating.stop()
            goodHost.stop()
        }
        let ledger = try Self.ledger()
        let body = try T.example("retail")
        let doubtful = await api(truncating, ledger).handle(try Self.post(body, key: "d-1"))
        #expect(doubtful.status == 502)
        let location = try #require(doubtful.headers["location"])
        let api = api(goodHost, ledger)
        let blocked = await api.handle(try Self.post(body, key: "d-2"))
        #expect(blocked.status == 409)
        #expect(try json(blocked)["type"] as? String == "/problems/batch-in-doubt")
        #expect(sessions(goodHost) == 0)
        let resolve = { (text: String) in try T.request("POST", location + "/resolve", body: text) }
        #expect(await api.handle(try resolve(#"{"resolution": "maybe", "note": "x"}"#)).status == 400)
        #expect(await api.handle(try resolve(#"{"resolution": "captured"}"#)).status == 400)
        let resolved = await api.handle(try resolve(#"{"resolution": "notCaptured", "note": "not in the TSYS batch report of 2026-11-27"}"#))
        #expect(resolved.status == 200)
        #expect(try json(resolved)["resolution"] as? String == "notCaptured")
        #expect(await api.handle(try resolve(#"{"resolution": "captured", "note": "again"}"#)).status == 409)
        #expect(
            await api.handle(try T.request("POST", "/v1/settlements/stl_missing/resolve", body: #"{"resolution": "captured", "note": "n"}"#)).status
                == 404)
        // Not captured: the same batch number may go again.
        #expect(await api.handle(try Self.post(body, key: "d-3")).status == 200)
    }

    @Test func aBatchWithoutANumberGetsTheNextFreeOne() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let api = api(simulator, try Self.ledger())
        let numbered = try T.example("retail")
        let unnumbered = numbered.replacingOccurrences(of: "\"batchNumber\": 7,", with: "")
        #expect(unnumbered != numbered)
        let check = await api.handle(try T.request("POST", "/v1/settlements/validate", body: unnumbered))
        #expect(check.status == 200)
        #expect((try json(check)["batch"] as? [String: Any])?["batchNumber"] as? Int == 0)
        #expect(await api.handle(try Self.post(numbered, key: "n-7")).status == 200)
        for expected in [8, 9] {
            let response = await api.handle(try Self.post(unnumbered, key: "auto-\(expected)"))
            #expect(response.status == 200)
            #expect(try json(response)["responseBatchNumber"] as? Int == expected)
            let record = try json(await api.handle(try T.request("GET", try #require(response.headers["location"]))))
            #expect(record["batchNumber"] as? Int == expected)
        }
        // A retry of an allocated one replays it rather than allocating again.
        let replay = await api.handle(try Self.post(unnumbered, key: "auto-9"))
        #expect(try json(replay)["responseBatchNumber"] as? Int == 9)
        #expect(sessions(simulator) == 3)
    }

    /// A client that half-closes after its settlement request (`nc -N`, one-shot clients) gets
    /// the answer; one that goes away entirely still has its settlement recorded with its outcome.
    @Test func aSettlementIsAnsweredAfterAHalfCloseAndRecordedWhenTheClientIsGone() async throws {
        var slow = SimulatorScript()
        slow.processingDelay = .milliseconds(300)  // the settlement is still with the host when the input ends
        slow.processingInterval = .milliseconds(100)
        let simulator = try SimulatorServer(script: slow, judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let ledger = try Self.ledger()
        let api = api(simulator, ledger)
        let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0)) { await api.handle($0) }
        let port = try await server.start()
        func request(_ batch: Int, key: String) throws -> String {
            let document = try T.example("retail").replacingOccurrences(of: "\"batchNumber\": 7", with: "\"batchNumber\": \(batch)")
            return
                "POST /v1/settlements HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nIdempotency-Key: \(key)\r\nContent-Length: \(document.utf8.count)\r\n\r\n\(document)"
        }
        let halfClosed = try HTTPTestClient(port: port)
        halfClosed.send(try request(7, key: "half-1"))
        #expect(halfClosed.halfClose())
        let answer = try #require(await halfClosed.response())
        #expect(answer.status == 200)
        #expect(answer.body.contains("\"responseCode\":\"GB\""))
        #expect(await halfClosed.isClosedByServer())
        let gone = try HTTPTestClient(port: port)
        gone.send(try request(8, key: "gone-1"))
        gone.close()
        var entry: LedgerEntry?
        for _ in 0..<100 {
            entry = try ledger.list(LedgerQuery(limit: 10)).entries.first { $0.submission.idempotencyKey == "gone-1" }
            if entry?.state == .accepted { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(entry?.state == .accepted)
        #expect(entry?.outcome?.responseCode == "GB")
        await server.shutdown()
    }

    /// 50 clients at once over HTTP: the same key, then different keys with the same batch
    /// number. The host receives each batch exactly once and every answer is consistent.
    @Test func fiftyConcurrentClientsSettleABatchOnce() async throws {
        var slow = SimulatorScript()
        slow.processingDelay = .milliseconds(300)
        slow.processingInterval = .milliseconds(100)
        let simulator = try SimulatorServer(script: slow, judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let api = api(simulator, try Self.ledger())
        let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0)) { await api.handle($0) }
        let port = try await server.start()
        let body = try T.example("retail")
        for (round, sameKey) in [(7, true), (8, false)] {
            let document = body.replacingOccurrences(of: "\"batchNumber\": 7", with: "\"batchNumber\": \(round)")
            let answers = Mutex<[(Int, String)]>([])
            let done = DispatchGroup()
            let gate = DispatchSemaphore(value: 0)
            // A thread per client, all connected first and released together.
            for index in 0..<50 {
                done.enter()
                Thread {
                    defer { done.leave() }
                    guard let client = try? HTTPTestClient(port: port) else { return }
                    let key = sameKey ? "same-\(round)" : "key-\(round)-\(index)"
                    gate.wait()
                    client.send(
                        "POST /v1/settlements HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nIdempotency-Key: \(key)\r\nContent-Length: \(document.utf8.count)\r\n\r\n\(document)"
                    )
                    if let response = client.response() { answers.withLock { $0.append((response.status, response.body)) } }
                }.start()
            }
            try await Task.sleep(for: .milliseconds(200))
            for _ in 0..<50 { gate.signal() }
            while done.wait(timeout: .now()) == .timedOut { try await Task.sleep(for: .milliseconds(20)) }
            let all = answers.withLock { $0 }
            #expect(all.count == 50)
            #expect(all.filter { $0.0 == 200 }.count >= 1)
            #expect(all.allSatisfy { $0.0 == 200 || $0.0 == 409 })
            #expect(Set(all.filter { $0.0 == 200 }.map(\.1)).count == 1, "every success is the same answer")
            #expect(all.filter { $0.0 == 409 }.allSatisfy { $0.1.contains("settlement-in-progress") || $0.1.contains("batch-number-accepted") })
            if !sameKey { #expect(all.filter { $0.0 == 200 }.count == 1) }
        }
        await server.shutdown()
        #expect(sessions(simulator) == 2)  // one per batch number, whatever the clients did
    }
}

/// A ledger whose disk has failed.
struct BrokenLedger: SettlementLedger {
    let failure = LedgerError("disk I/O error")
    func admit(_ submission: LedgerSubmission, at now: Date) throws(LedgerError) -> LedgerAdmission { throw failure }
    func markTransmitting(_ id: String, at now: Date) throws(LedgerError) { throw failure }
    func complete(_ id: String, with outcome: LedgerOutcome, at now: Date) throws(LedgerError) { throw failure }
    func entry(_ id: String) throws(LedgerError) -> LedgerEntry? { throw failure }
    func recoverInterrupted(at now: Date) throws(LedgerError) -> [LedgerEntry] { throw failure }
    func check() throws(LedgerError) { throw failure }
    func list(_ query: LedgerQuery) throws(LedgerError) -> LedgerPage { throw failure }
    func events(_ query: LedgerEventQuery) throws(LedgerError) -> LedgerEventPage { throw failure }
    func resolve(_ id: String, as resolution: LedgerResolution, note: String, at now: Date) throws(LedgerError) -> LedgerResolutionResult {
        throw failure
    }
}
