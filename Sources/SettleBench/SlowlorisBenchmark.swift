import Foundation
import SettleHTTP
import SettleLoad

/// `settle-bench slowloris`: the API server in this process held by many connections that send
/// a head one byte at a time, and the latency of fresh clients (a new connection each, one
/// GET) meanwhile. Target: p99 under 100 ms.
struct SlowlorisBenchmark {
    let slowClients: Int
    let requests: Int

    func run() async throws {
        let configuration = HTTPServerConfiguration(port: 0, headerReadTimeout: .seconds(60), maximumConnections: slowClients + 64)
        let server = HTTPServer(configuration: configuration) { _ in HTTPResponse(status: 200, body: Array("ok\n".utf8)) }
        let port = try await server.start()
        let slow = try SlowClients(count: slowClients, port: port)
        try await Task.sleep(for: .milliseconds(300))
        let request = Array("GET /healthz HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n".utf8)
        var latencies: [Duration] = []
        var failures = 0
        for _ in 0..<requests {
            let started = ContinuousClock.now
            guard let client = try? HTTPTestClient(port: port) else {
                failures += 1
                continue
            }
            let (status, _) = await client.exchange(request)
            latencies.append(ContinuousClock.now - started)
            if status != 200 { failures += 1 }
        }
        let held = slowClients - slow.cutCount()
        slow.stop()
        slow.disconnect()
        await server.shutdown()
        let sorted = latencies.sorted()
        func ms(_ duration: Duration) -> String {
            String(format: "%.3f ms", Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000)
        }
        print(
            "settle-bench slowloris: \(slowClients) connections sending a head one byte every 20 ms; \(requests) fresh clients, one connection and GET each"
        )
        print(
            "  fresh clients: p50 \(ms(sorted[sorted.count / 2])), p99 \(ms(sorted[sorted.count * 99 / 100])), max \(ms(sorted.last!)) (target p99 < 100 ms); failures \(failures)"
        )
        print("  slow connections still held at the end: \(held) of \(slowClients)")
    }
}
