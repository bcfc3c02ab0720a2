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
/// validate, encode, settle with the simulator over TLS on loopback) without a ledger, with the
/// SQLite ledger, and with a PostgreSQL ledger when `--postgres URL` names one. Targets: SQLite
/// costs less than 20%, PostgreSQL less than 30%.
struct LedgerBenchmark {
    let settlements: Int
    let concurrency: Int
    /// A PostgreSQL database to measure the shared ledger on (its tables are created if missing).
    var postgresURL: String?

    enum Ledger: String, CaseIterable {
        case none = "no ledger "
        case sqlite = "SQLite    "
        case postgres = "PostgreSQL"
    }

    func run() async throws {
        // A merchant number of this run's own, so a PostgreSQL ledger kept between runs guards nothing of an earlier run.
        let merchant = String(UInt64.random(in: 100_000_000_000...999_999_999_999))
        let document = try String(contentsOf: URL(fileURLWithPath: "examples/retail.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"number\": \"888000002200\"", with: "\"number\": \"\(merchant)\"")
        print("settle-bench ledger: \(settlements) settlements of the retail example, \(concurrency) at a time, simulator over TLS on loopback")
        var rates: [Ledger: Double] = [:]
        let kinds: [Ledger] = postgresURL == nil ? [.none, .sqlite] : [.none, .sqlite, .postgres]
        for (round, kind) in (kinds + kinds).enumerated().map({ ($0.offset + 1, $0.element) }) {
            let simulator = try SimulatorServer(judge: BatchJudge(today: LocalDate(year: 2026, month: 11, day: 26)))
            defer { simulator.stop() }
            var api = SettlementAPI(
                defaults: SettlementDefaults(developerId: "003318", applicationId: "A001"), clock: .fixed(LocalDate(year: 2026, month: 11, day: 26)),
                settler: Settler(endpoint: .simulator, simulator: (simulator.port, simulator.certificatePEM)))
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-ledger-\(UUID().uuidString)").path
            switch kind {
            case .none: break
            case .sqlite: api.ledger = try SQLiteLedger(directory: directory)
            case .postgres: api.ledger = try PostgresLedger(url: postgresURL ?? "")
            }
            let (elapsed, failures) = await measure(api, document: document, merchant: merchant, round: round)
            let rate = Double(settlements) / elapsed
            rates[kind, default: 0] = max(rates[kind, default: 0], rate)
            print(String(format: "  %@: %6.0f settlements/s (%.2f s), non-200 %d", kind.rawValue, rate, elapsed, failures))
            try? FileManager.default.removeItem(atPath: directory)
        }
        for (kind, target) in [(Ledger.sqlite, 20), (.postgres, 30)] where rates[kind] != nil {
            let cost = 1 - rates[kind, default: 0] / rates[.none, default: 1]
            print(String(format: "  best of two each: %@ costs %.1f%% of throughput (target < %d%%)", kind.rawValue, cost * 100, target))
        }
    }

    /// Settles `settlements` batches, each with its own terminal and batch number.
    private func measure(_ api: SettlementAPI, document: String, merchant: String, round: Int) async -> (Double, Int) {
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
                        let headers = [("Content-Type", "application/json"), ("Idempotency-Key", "\(merchant)-\(round)-\(index)")]
                        guard let request = BenchRequest.make("POST", "/v1/settlements", headers: headers, body: body) else { continue }
                        let response = await api.handle(request)
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
