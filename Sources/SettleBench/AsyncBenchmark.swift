import Foundation
import Logging
import SettleAPI
import SettleDTO
import SettleHTTP
import SettleLedger
import SettleModel
import SettleService
import SettleSimulator
import SettleWebhooks
import Synchronization

/// `settle-bench async`: asynchronous settlements (`Prefer: respond-async`) accepted per second,
/// and the time from each 202 to its `settlement.accepted` webhook at a receiver on loopback (the
/// project's own server), at p50 and p99. The SQLite ledger, the simulator over TLS on loopback,
/// the dispatcher over real libcurl; requests go to the API's handler directly.
struct AsyncBenchmark {
    let settlements: Int
    let concurrency: Int

    func run() async throws {
        let today = LocalDate(year: 2026, month: 11, day: 26)
        let simulator = try SimulatorServer(judge: BatchJudge(today: today))
        defer { simulator.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-async-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let ledger = try SQLiteLedger(directory: directory)
        var api = SettlementAPI(
            defaults: SettlementDefaults(developerId: "003318", applicationId: "A001"), clock: .fixed(today),
            settler: Settler(endpoint: .simulator, simulator: (simulator.port, simulator.certificatePEM)))
        api.ledger = ledger
        let background = BackgroundSettlements()
        api.background = background
        let arrivals = Arrivals()
        var configuration = HTTPServerConfiguration(port: 0)
        configuration.host = "127.0.0.1"
        let receiver = HTTPServer(configuration: configuration) { request in
            arrivals.note(request.body)
            return HTTPResponse(status: 204)
        }
        let port = try await receiver.start()
        guard let secret = WebhookSecret(WebhookSecret.generate()), let url = URL(string: "http://127.0.0.1:\(port)/hook") else {
            throw BenchError("no secret")
        }
        let dispatcher = WebhookDispatcher(
            endpoints: [WebhookEndpoint(url: url, secrets: [secret], types: [.accepted])], ledger: ledger,
            sender: WebhookSender(policy: WebhookAddressPolicy()), replica: "bench", concurrency: 16, logger: Logger(label: "bench"),
            render: SettlementAPI.eventJSON)
        try await dispatcher.register()
        api.eventRecorded = { dispatcher.nudge() }
        let running = Task { await background.run() }
        let delivering = Task { await dispatcher.run() }
        print("settle-bench async: the retail example with Prefer: respond-async, \(concurrency) clients, webhooks to a receiver on loopback")
        let document = try String(contentsOf: URL(fileURLWithPath: "examples/retail.json"), encoding: .utf8)
        // A burst: every settlement answered 202 as fast as it comes, then all of them settled and delivered.
        let accepted = Accepted()
        let started = ContinuousClock.now
        await clients(api, document, count: settlements, terminals: 1000) { index, api, request in
            let response = await api.handle(request)
            guard response.status == 202, let id = response.headers["location"]?.split(separator: "/").last else { return }
            accepted.note(String(id))
        }
        let answered = Self.seconds(ContinuousClock.now - started)
        let deadline = ContinuousClock.now + .seconds(300)
        while arrivals.count < accepted.count && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        let drained = Self.seconds(ContinuousClock.now - started)
        print(
            String(
                format: "  burst of %d: answered 202 in %.2f s (%.0f accepted/s); all settled and delivered in %.2f s (%.0f/s end to end)",
                accepted.count, answered, Double(accepted.count) / answered, drained, Double(arrivals.count) / drained))
        // Paced: each client waits for its webhook before the next settlement, so nothing queues.
        let latencies = Latencies()
        await clients(api, document, count: min(settlements, 400), terminals: 5000) { index, api, request in
            let sent = ContinuousClock.now
            let response = await api.handle(request)
            guard response.status == 202, let id = response.headers["location"]?.split(separator: "/").last.map(String.init) else { return }
            let answeredAt = ContinuousClock.now
            while arrivals.time(of: id) == nil && ContinuousClock.now - sent < .seconds(60) { try? await Task.sleep(for: .milliseconds(1)) }
            if let arrived = arrivals.time(of: id) { latencies.note(answer: answeredAt - sent, webhook: arrived - answeredAt) }
        }
        let (answers, webhooks) = latencies.sorted
        func percentile(_ values: [Double], _ p: Double) -> Double {
            values.isEmpty ? .nan : values[min(values.count - 1, max(0, Int((Double(values.count) * p).rounded(.up)) - 1))] * 1000
        }
        print(
            String(
                format: "  paced, %d settlements: the 202 in p50 %.1f ms, p99 %.1f ms; 202 to webhook p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                webhooks.count, percentile(answers, 0.5), percentile(answers, 0.99), percentile(webhooks, 0.5), percentile(webhooks, 0.99),
                (webhooks.last ?? .nan) * 1000))
        background.finish()
        await running.value
        delivering.cancel()
        await delivering.value
        await receiver.shutdown()
    }

    /// `count` settlements by `concurrency` clients, each on a terminal of its own from `terminals`.
    private func clients(
        _ api: SettlementAPI, _ document: String, count: Int, terminals: Int,
        _ body: @escaping @Sendable (Int, SettlementAPI, HTTPRequest) async -> Void
    ) async {
        let next = Tally()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    while true {
                        let index = next.increment() - 1
                        guard index < count else { return }
                        let text =
                            document
                            .replacingOccurrences(of: "\"terminalNumber\": \"1515\"", with: "\"terminalNumber\": \"\(terminals + index / 999)\"")
                            .replacingOccurrences(of: "\"batchNumber\": 7", with: "\"batchNumber\": \(index % 999 + 1)")
                        let headers = [
                            ("Content-Type", "application/json"), ("Prefer", "respond-async"), ("Idempotency-Key", "bench-\(terminals)-\(index)"),
                        ]
                        guard let request = BenchRequest.make("POST", "/v1/settlements", headers: headers, body: text) else { continue }
                        await body(index, api, request)
                    }
                }
            }
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The time to each 202 and from it to the webhook.
    final class Latencies: Sendable {
        private let values = Mutex<(answers: [Double], webhooks: [Double])>(([], []))
        func note(answer: Duration, webhook: Duration) {
            values.withLock {
                $0.answers.append(AsyncBenchmark.seconds(answer))
                $0.webhooks.append(AsyncBenchmark.seconds(webhook))
            }
        }
        var sorted: ([Double], [Double]) { values.withLock { ($0.answers.sorted(), $0.webhooks.sorted()) } }
    }

    /// When each settlement was answered 202.
    final class Accepted: Sendable {
        private let times = Mutex<[String: ContinuousClock.Instant]>([:])
        func note(_ id: String) { times.withLock { $0[id] = .now } }
        var count: Int { times.withLock { $0.count } }
    }

    /// When each settlement's webhook arrived (the first time).
    final class Arrivals: Sendable {
        private let times = Mutex<[String: ContinuousClock.Instant]>([:])
        func note(_ body: [UInt8]) {
            let now = ContinuousClock.now
            guard let event = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any], let data = event["data"] as? [String: Any],
                let id = data["id"] as? String
            else { return }
            times.withLock { if $0[id] == nil { $0[id] = now } }
        }
        var count: Int { times.withLock { $0.count } }
        func time(of id: String) -> ContinuousClock.Instant? { times.withLock { $0[id] } }
    }
}
