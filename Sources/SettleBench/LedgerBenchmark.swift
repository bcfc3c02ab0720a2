import Foundation
import SettleAPI
import SettleDTO
import SettleHTTP
import SettleLedger
import SettleModel
import SettleService
import SettleSimulator
import Synchronization

/// `settle-bench ledger`: settlements per second through the API's settle path (read,
/// validate, encode, settle with the simulator over TLS on loopback) without and with the
/// SQLite ledger recording each one. Target: the ledger costs less than 20%.
struct LedgerBenchmark {
    let settlements: Int
    let concurrency: Int

    func run() async throws {
        let document = try String(contentsOf: URL(fileURLWithPath: "examples/retail.json"), encoding: .utf8)
        print("settle-bench ledger: \(settlements) settlements of the retail example, \(concurrency) at a time, simulator over TLS on loopback")
        var rates: [String: Double] = [:]
        for (round, withLedger) in [(1, false), (2, true), (3, false), (4, true)] {
            let simulator = try SimulatorServer(judge: BatchJudge(today: LocalDate(year: 2026, month: 11, day: 26)))
            defer { simulator.stop() }
            var api = SettlementAPI(
                defaults: SettlementDefaults(developerId: "003318", applicationId: "A001"), clock: .fixed(LocalDate(year: 2026, month: 11, day: 26)),
                settler: Settler(endpoint: .simulator, simulator: (simulator.port, simulator.certificatePEM)))
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-ledger-\(UUID().uuidString)").path
            if withLedger { api.ledger = try SQLiteLedger(directory: directory) }
            let (elapsed, failures) = await measure(api, document: document, round: round)
            let rate = Double(settlements) / elapsed
            let label = withLedger ? "ledger on " : "ledger off"
            rates[label, default: 0] = max(rates[label, default: 0], rate)
            print(String(format: "  %@: %6.0f settlements/s (%.2f s), non-200 %d", label, rate, elapsed, failures))
            try? FileManager.default.removeItem(atPath: directory)
        }
        let cost = 1 - rates["ledger on ", default: 0] / rates["ledger off", default: 1]
        print(String(format: "  best of two each: the ledger costs %.1f%% of throughput (target < 20%%)", cost * 100))
    }

    /// Settles `settlements` batches, each with its own terminal and batch number.
    private func measure(_ api: SettlementAPI, document: String, round: Int) async -> (Double, Int) {
        let next = Tally(), failures = Tally()
        let started = ContinuousClock.now
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    while true {
                        let index = next.increment() - 1
                        guard index < settlements else { return }
                        let body =
                            document
                            .replacingOccurrences(of: "\"terminalNumber\": \"1515\"", with: "\"terminalNumber\": \"\(1000 * round + index / 999)\"")
                            .replacingOccurrences(of: "\"batchNumber\": 7", with: "\"batchNumber\": \(index % 999 + 1)")
                        var parser = HTTPRequestParser()
                        parser.append(
                            Array(
                                "POST /v1/settlements HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nIdempotency-Key: r\(round)-\(index)\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
                                    .utf8))
                        var head: HTTPRequestHead?
                        var bytes: [UInt8] = []
                        while let event = try? parser.next() {
                            switch event {
                            case .head(let parsed): head = parsed
                            case .body(let chunk): bytes += chunk
                            case .end: break
                            }
                        }
                        guard let head else { continue }
                        let response = await api.handle(HTTPRequest(head: head, body: bytes))
                        if response.status != 200 { _ = failures.increment() }
                    }
                }
            }
        }
        let elapsed = ContinuousClock.now - started
        return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, failures.increment() - 1)
    }
}

/// A counter shared by concurrent tasks.
final class Tally: Sendable {
    private let count = Mutex(0)

    /// Adds one and returns the new count.
    func increment() -> Int {
        count.withLock {
            $0 += 1
            return $0
        }
    }
}
