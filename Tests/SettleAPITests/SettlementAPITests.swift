import Foundation
import SettleAPI
import SettleDTO
import SettleHTTP
import SettleLoad
import SettleModel
import SettleService
import SettleSimulator
import Testing

/// The settlement API end to end over the simulator on real TLS: statuses, problem documents,
/// and nothing sent for an invalid document.
@Suite(.serialized) struct SettlementAPITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let today = LocalDate(year: 2026, month: 11, day: 26)

    static func example(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("examples/\(name).json"), encoding: .utf8)
    }

    /// A request as the server's parser would deliver it.
    static func request(_ method: String, _ path: String, body: String = "", contentType: String = "application/json") throws -> HTTPRequest {
        var parser = HTTPRequestParser()
        parser.append(
            Array(
                "\(method) \(path) HTTP/1.1\r\nHost: localhost\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
                    .utf8))
        var head: HTTPRequestHead?
        var bytes: [UInt8] = []
        while let event = try parser.next() {
            switch event {
            case .head(let parsed): head = parsed
            case .body(let chunk): bytes += chunk
            case .end: return HTTPRequest(head: try #require(head), body: bytes)
            }
        }
        throw HTTPParseError(400, "incomplete")
    }

    func api(_ server: SimulatorServer) -> SettlementAPI {
        SettlementAPI(
            defaults: SettlementDefaults(developerId: "003318", applicationId: "A001"), clock: .fixed(Self.today),
            settler: Settler(endpoint: .simulator, simulator: (server.port, server.certificatePEM)))
    }

    func json(_ response: HTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    @Test func aGoodBatchIs200AndARepeatIs409() async throws {
        let server = try SimulatorServer(judge: BatchJudge(today: Self.today))
        defer { server.stop() }
        let body = try Self.example("retail")
        let first = await api(server).handle(try Self.request("POST", "/v1/settlements", body: body))
        #expect(first.status == 200)
        #expect(try json(first)["environment"] as? String == "simulator")
        #expect(try json(first)["responseCode"] as? String == "GB")
        #expect(try json(first)["totalsMatch"] as? Bool == true)
        let again = await api(server).handle(try Self.request("POST", "/v1/settlements", body: body))
        #expect(again.status == 409)
        #expect(again.headers["content-type"] == "application/problem+json")
        #expect((try json(again)["result"] as? [String: Any])?["responseCode"] as? String == "QD")
    }

    @Test func aRejectionIs422NamingTheDetail() async throws {
        var script = SimulatorScript()
        script.earlyRejectionAtBlock = 2
        let server = try SimulatorServer(script: script, judge: BatchJudge(today: Self.today))
        defer { server.stop() }
        let response = await api(server).handle(try Self.request("POST", "/v1/settlements", body: try Self.example("retail")))
        #expect(response.status == 422)
        let rejection = (try json(response)["result"] as? [String: Any])?["rejection"] as? [String: Any]
        #expect(rejection?["recordType"] as? String == "D")
    }

    @Test func aFailureAfterTheTrailerIs502InDoubt() async throws {
        var script = SimulatorScript()
        script.truncatesResponse = true
        let truncating = try SimulatorServer(script: script, judge: BatchJudge(today: Self.today))
        defer { truncating.stop() }
        let response = await api(truncating).handle(try Self.request("POST", "/v1/settlements", body: try Self.example("retail")))
        #expect(response.status == 502)
        let failure = (try json(response)["result"] as? [String: Any])?["failure"] as? [String: Any]
        #expect(failure?["inDoubt"] as? Bool == true)
        #expect((try json(response)["title"] as? String)?.contains("in doubt") == true)
    }

    @Test func anInvalidDocumentIs400WithEveryProblemAndNothingIsSent() async throws {
        let server = try SimulatorServer(judge: BatchJudge(today: Self.today))
        defer { server.stop() }
        let body = try Self.example("retail")
            .replacingOccurrences(of: "\"4111111111111111\"", with: "\"4111111111111112\"")
            .replacingOccurrences(of: "\"batchNumber\": 7", with: "\"batchNumber\": 7000")
        let response = await api(server).handle(try Self.request("POST", "/v1/settlements", body: body))
        #expect(response.status == 400)
        let problems = try json(response)["problems"] as? [[String: Any]] ?? []
        #expect(Set(problems.compactMap { $0["pointer"] as? String }).isSuperset(of: ["/batchNumber", "/detailRecords/0/cardNumber"]))
        #expect(!String(decoding: response.body, as: UTF8.self).contains("4111111111111112"))
        server.waitUntilIdle()
        #expect(server.transcripts.isEmpty)
    }

    @Test func validateIsADryRun() async throws {
        let server = try SimulatorServer(judge: BatchJudge(today: Self.today))
        defer { server.stop() }
        let response = await api(server).handle(try Self.request("POST", "/v1/settlements/validate", body: try Self.example("level3")))
        #expect(response.status == 200)
        #expect(try json(response)["valid"] as? Bool == true)
        #expect((try json(response)["batch"] as? [String: Any])?["applicationType"] as? String == "5")
        #expect(server.transcripts.isEmpty)
    }

    @Test func routingAndMediaTypeErrorsAreProblems() async throws {
        let server = try SimulatorServer(judge: BatchJudge(today: Self.today))
        defer { server.stop() }
        let api = api(server)
        #expect(await api.handle(try Self.request("GET", "/nowhere")).status == 404)
        let wrongMethod = await api.handle(try Self.request("DELETE", "/v1/settlements"))
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.headers["allow"] == "GET, POST")
        #expect(await api.handle(try Self.request("POST", "/v1/settlements", body: "x", contentType: "text/plain")).status == 415)
        #expect(await api.handle(try Self.request("GET", "/healthz")).status == 200)
    }

    @Test(arguments: [
        ("application/json", 200), ("Application/JSON", 200), ("application/json; charset=utf-8", 200), (" application/json ;charset=utf-8", 200),
        ("application/jsonx", 415), ("application/json-patch+json", 415), ("text/json", 415), ("application/jso", 415), ("", 415),
    ])
    func theMediaTypeIsJSONWhateverItsCaseAndParameters(contentType: String, status: Int) async throws {
        let server = try SimulatorServer(judge: BatchJudge(today: Self.today))
        defer { server.stop() }
        let response = await api(server).handle(
            try Self.request("POST", "/v1/settlements/validate", body: try Self.example("retail"), contentType: contentType))
        #expect(response.status == status)
    }

    @Test func metricsCountRequestsSettlementsAndConnections() async throws {
        let server = try SimulatorServer(judge: BatchJudge(today: Self.today))
        defer { server.stop() }
        let api = api(server)
        api.metrics.observeConnections { 3 }
        let body = try Self.example("restaurant")
        _ = await api.handle(try Self.request("POST", "/v1/settlements", body: body))
        _ = await api.handle(try Self.request("POST", "/v1/settlements", body: body))
        _ = await api.handle(try Self.request("GET", "/no/such/route/12345"))
        let response = await api.handle(try Self.request("GET", "/metrics"))
        #expect(response.status == 200)
        #expect(response.headers["content-type"]?.hasPrefix("text/plain; version=0.0.4") == true)
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(text.contains("tsys_settle_http_requests_total{route=\"/v1/settlements\",status=\"200\"} 1\n"))
        #expect(text.contains("tsys_settle_http_requests_total{route=\"/v1/settlements\",status=\"409\"} 1\n"))
        #expect(text.contains("tsys_settle_http_requests_total{route=\"other\",status=\"404\"} 1\n"))
        #expect(!text.contains("12345"))
        #expect(text.contains("tsys_settle_settlements_total{outcome=\"accepted\",response_code=\"GB\"} 1\n"))
        #expect(text.contains("tsys_settle_settlements_total{outcome=\"duplicate\",response_code=\"QD\"} 1\n"))
        #expect(text.contains("tsys_settle_settlement_duration_seconds_count 2\n"))
        #expect(text.contains("tsys_settle_settlement_duration_seconds_bucket{le=\"+Inf\"} 2\n"))
        #expect(text.contains("tsys_settle_open_connections 3.0\n"))
    }

    @Test func aTraceIsReturnedMaskedOnlyWhereAllowed() async throws {
        let server = try SimulatorServer(judge: BatchJudge(today: Self.today))
        defer { server.stop() }
        var api = api(server)
        let body = try Self.example("direct-marketing")
        let refused = await api.handle(try Self.request("POST", "/v1/settlements?trace=true", body: body))
        #expect(refused.status == 403)
        server.waitUntilIdle()
        #expect(server.transcripts.isEmpty)
        api.allowsTrace = true
        let traced = await api.handle(try Self.request("POST", "/v1/settlements?trace=true", body: body))
        #expect(traced.status == 200)
        let trace = try json(traced)["trace"] as? [String] ?? []
        #expect(trace.contains { $0.hasPrefix(">> <STX>") })
        #expect(trace.contains("<< <ENQ>"))
        #expect(trace.contains { $0.contains("401288******1881") })
        #expect(!String(decoding: traced.body, as: UTF8.self).contains("4012888888881881"))
        // Without the query there is no trace.
        let plain = await api.handle(try Self.request("POST", "/v1/settlements", body: body))
        #expect(try json(plain)["trace"] == nil)
    }

    @Test func readinessTurnsOffWhenShutdownBegins() async throws {
        let server = try SimulatorServer(judge: BatchJudge(today: Self.today))
        defer { server.stop() }
        let api = api(server)
        #expect(await api.handle(try Self.request("GET", "/readyz")).status == 200)
        api.readiness.markDraining()
        let draining = await api.handle(try Self.request("GET", "/readyz"))
        #expect(draining.status == 503)
        #expect(draining.headers["content-type"] == "application/problem+json")
        #expect(await api.handle(try Self.request("GET", "/healthz")).status == 200)
    }

    /// SIGTERM in the middle of a settlement: the server stops accepting, the settlement in
    /// flight (the host still "processing" with DC2s) completes and its client gets the GB.
    @Test func shutdownLetsASettlementInFlightFinish() async throws {
        var script = SimulatorScript()
        // Long, so that the test sees the session running even when other suites keep the
        // cooperative pool busy for a while.
        script.processingDelay = .seconds(3)
        script.processingInterval = .milliseconds(100)
        let simulator = try SimulatorServer(script: script, judge: BatchJudge(today: Self.today))
        defer { simulator.stop() }
        let api = api(simulator)
        // A port outside the ephemeral range, so that no other test's server (port 0) is given it
        // once this one has let it go, and the refused connection at the end means this one closed.
        var server: HTTPServer?, port = 0
        for _ in 0..<20 where server == nil {
            let candidate = HTTPServer(configuration: HTTPServerConfiguration(port: Int.random(in: 20_000..<30_000))) { await api.handle($0) }
            if let bound = try? await candidate.start() { (server, port) = (candidate, bound) }
        }
        let running = try #require(server)
        let body = try Self.example("retail")
        let client = try HTTPTestClient(port: port)
        client.send("POST /v1/settlements HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
        // Wait until the batch is with the host (its session started and has not ended).
        let deadline = ContinuousClock.now + .seconds(10)
        while simulator.runningSessions == 0 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        #expect(simulator.runningSessions == 1)
        #expect(simulator.transcripts.isEmpty)
        api.readiness.markDraining()
        await running.shutdown()
        let response = try #require(await client.response())
        #expect(response.status == 200)
        #expect(response.body.contains("\"responseCode\":\"GB\""))
        #expect(response.head.contains("Connection: close"))
        #expect(running.openConnections == 0)
        #expect(throws: (any Error).self) { try HTTPTestClient(port: port) }
    }

    /// A host takes seconds per batch: settlements wait on it side by side, not in a queue the
    /// size of the CPU count (the link once ran on the global queue, which held 8 to about 4).
    @Test func slowSettlementsAreWithTheHostAtTheSameTime() async throws {
        var slow = SimulatorScript()
        slow.processingDelay = .seconds(2)
        slow.processingInterval = .milliseconds(100)
        let simulator = try SimulatorServer(script: slow, judge: BatchJudge(today: Self.today))
        defer { simulator.stop() }
        let api = api(simulator)
        let body = try Self.example("retail")
        let settlements = (1...8).map { number in
            Task {
                await api.handle(
                    try Self.request(
                        "POST", "/v1/settlements",
                        body: body.replacingOccurrences(of: "\"terminalNumber\": \"1515\"", with: "\"terminalNumber\": \"\(2000 + number)\"")))
            }
        }
        var most = 0
        let deadline = ContinuousClock.now + .seconds(20)
        while most < 8 && ContinuousClock.now < deadline {
            most = max(most, simulator.runningSessions)
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(most == 8)
        for settlement in settlements { #expect(try await settlement.value.status == 200) }
    }
}
