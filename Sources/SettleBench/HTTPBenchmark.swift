import Foundation
import SettleAPI
import SettleDTO
import SettleHTTP
import SettleLoad
import SettleModel
import SettleService
import Synchronization

/// `settle-bench http`: the API server in this process, driven over loopback keep-alive
/// connections: a health check (the HTTP layer alone) and a validation of the retail example
/// (HTTP plus reading, validating and encoding the batch).
struct HTTPBenchmark {
    let requests: Int
    let connections: Int

    func run() async throws {
        let api = SettlementAPI(
            defaults: SettlementDefaults(developerId: "003318", applicationId: "A001"), clock: .fixed(BenchBatch.transmission),
            settler: Settler(endpoint: .simulator))
        let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0, maximumConnections: connections + 8)) { await api.handle($0) }
        let port = try await server.start()
        let document = try Data(contentsOf: URL(fileURLWithPath: "examples/retail.json"))
        let health = Array("GET /healthz HTTP/1.1\r\nHost: bench\r\n\r\n".utf8)
        let validate =
            Array(
                "POST /v1/settlements/validate HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: \(document.count)\r\n\r\n"
                    .utf8)
            + Array(document)
        print("settle-bench http: \(requests) requests per case over \(connections) keep-alive connections on loopback")
        for (name, request) in [("GET /healthz", health), ("POST /v1/settlements/validate (retail example)", validate)] {
            _ = measure(request, count: min(requests, 2000), port: port)  // warm-up
            let run = measure(request, count: requests, port: port)
            let sorted = run.latencies.sorted()
            let rate = Double(run.latencies.count) / seconds(run.elapsed)
            print(
                "\(name): \(Int(rate)) requests/s, latency p50 \(milliseconds(sorted[sorted.count / 2])) p99 \(milliseconds(sorted[sorted.count * 99 / 100])), non-2xx \(run.failures)"
            )
        }
        await server.shutdown()
    }

    private func measure(_ request: [UInt8], count: Int, port: Int) -> (elapsed: Duration, latencies: [Duration], failures: Int) {
        let results = Mutex<(latencies: [Duration], failures: Int)>(([], 0))
        let perConnection = max(1, count / connections)
        let started = ContinuousClock.now
        DispatchQueue.concurrentPerform(iterations: connections) { _ in
            guard let client = try? HTTPTestClient(port: port) else { return }
            var latencies: [Duration] = []
            var failures = 0
            for _ in 0..<perConnection {
                let (status, time) = client.exchange(request)
                latencies.append(time)
                if status / 100 != 2 { failures += 1 }
            }
            results.withLock {
                $0.latencies += latencies
                $0.failures += failures
            }
        }
        let elapsed = ContinuousClock.now - started
        return results.withLock { (elapsed, $0.latencies, $0.failures) }
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private func milliseconds(_ duration: Duration) -> String { String(format: "%.3f ms", seconds(duration) * 1000) }
}
