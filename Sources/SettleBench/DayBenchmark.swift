import Foundation
import SettleAPI
import SettleDTO
import SettleHTTP
import SettleLedger
import SettleModel
import SettleService
import SettleSimulator
import SettleVault
import Synchronization

/// `settle-bench day`: a merchant's settlement day. Captures accepted per second (each validated
/// against the profile, its card number sealed with AES-256-GCM and hashed, recorded durably),
/// then the time to close the day at its cutoff and settle it against the simulator over TLS on
/// loopback, in batches of 100. SQLite by default, or a PostgreSQL ledger; requests go to the
/// API's handler directly.
struct DayBenchmark {
    let captures: Int
    let concurrency: Int
    var postgresURL: String?

    func run() async throws {
        let today = LocalDate(year: 2026, month: 11, day: 26)
        let simulator = try SimulatorServer(judge: BatchJudge(today: today))
        defer { simulator.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-day-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let ledger: DatabaseLedger = try postgresURL.map { try PostgresLedger(url: $0) } ?? SQLiteLedger(directory: directory)
        if ledger.isShared { try ledger.acquireLease(instance: "bench", duration: .seconds(3600), at: Date()) }
        // 2026-11-26 12:00 UTC; the cutoff is 23:00 in New York.
        let now = Mutex(Date(timeIntervalSince1970: 1_795_694_400))
        var api = SettlementAPI(
            defaults: SettlementDefaults(developerId: "003318", applicationId: "A001"),
            clock: SettlementClock(today: { today }, now: { now.withLock { $0 } }),
            settler: Settler(endpoint: .simulator, simulator: (simulator.port, simulator.certificatePEM)))
        api.ledger = ledger
        api.cardDataKeys = CardDataKeyring(current: try CardDataKey.generate())
        let merchant = "bench-\(UUID().uuidString.prefix(8).lowercased())"
        let profile = """
            {"industryType": "retail",
             "merchant": {"bankId": "999995", "agentChainNumber": "111111", "number": "888000002200", "storeNumber": "5999",
               "terminalNumber": "\(1000 + Int.random(in: 0..<8000))", "categoryCode": "5999", "name": "BENCH MERCHANT", "state": "CA",
               "zip": "90210", "timeZone": "708", "city": "BEVERLY HILLS"},
             "cutoff": {"timeZone": "America/New_York", "times": ["23:00"]}}
            """
        guard let put = BenchRequest.make("PUT", "/v1/merchants/\(merchant)", headers: [("Content-Type", "application/json")], body: profile),
            await api.handle(put).status == 201
        else { throw BenchError("the merchant profile was refused") }
        print(
            "settle-bench day: \(captures) captures by \(concurrency) clients (validated, card numbers sealed and hashed), then the close at the cutoff, on \(ledger.isShared ? "PostgreSQL" : "SQLite")"
        )
        let cards = ["4111111111111111", "5555555555554444", "4012888888881881", "5105105105105100"]
        let next = Tally(), refused = Tally(), configured = api, captures = self.captures
        let started = ContinuousClock.now
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    while true {
                        let index = next.increment() - 1
                        guard index < captures else { return }
                        let body = """
                            {"transactionType": "cardPresent", "cardNumber": "\(cards[index % cards.count])", "settlementAmount": \(100 + index % 5000),
                             "authorizedAmount": \(100 + index % 5000), "transactionDate": "2026-11-26", "transactionTime": "18:30:05",
                             "transactionNumber": \(index % 9999 + 1), "approvalCode": "B\(index)", "authorizationSource": "5", "responseACI": "E",
                             "responseCode": "00", "transactionId": "305123456789012", "validationCode": "X1Y2", "posDataCode": "D2010100000Z",
                             "accountDataSource": "D", "cardholderId": "@"}
                            """
                        let headers = [("Content-Type", "application/json"), ("Idempotency-Key", "bench-\(index)")]
                        guard let request = BenchRequest.make("POST", "/v1/merchants/\(merchant)/captures", headers: headers, body: body),
                            await configured.handle(request).status == 201
                        else {
                            _ = refused.increment()
                            continue
                        }
                    }
                }
            }
        }
        let capturing = Self.seconds(ContinuousClock.now - started)
        let failed = refused.increment() - 1
        print(
            String(
                format: "  captures: %d in %.2f s, %.0f/s (%d refused)", captures - failed, capturing, Double(captures - failed) / capturing, failed))
        guard let cutoff = try ledger.merchantProfile(merchant)?.nextCutoff else { throw BenchError("no cutoff") }
        now.withLock { $0 = cutoff.addingTimeInterval(1) }
        let closing = ContinuousClock.now
        let pass = await CloseScheduler(api: api).pass(at: cutoff.addingTimeInterval(1))
        let closeTime = Self.seconds(ContinuousClock.now - closing)
        guard let close = pass.settled.first ?? pass.closed.first else { throw BenchError("the cutoff did not close") }
        let accepted = close.batches.filter { $0.state == .accepted }.count
        print(
            String(
                format: "  close and settle at the cutoff: %d captures in %d batches (%d accepted, state %@) in %.2f s (%.1f batches/s)",
                close.captureCount, close.batches.count, accepted, close.state.rawValue, closeTime, Double(close.batches.count) / closeTime))
        let kept = try ledger.cardDataKeyIDs()
        print("  card numbers still kept after the close: \(kept.isEmpty ? "none" : "\(kept)")")
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
