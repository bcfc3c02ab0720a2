import Foundation
import Logging
import SettleAPI
import SettleDTO
import SettleHTTP
import SettleLedger
import SettleModel
import SettleRecords
import SettleSimulator
import SettleTestSupport
import SettleVault
import SettleWebhooks
import Synchronization
import Testing

/// A settlement day and a half, on an injected clock, across New York's return to standard time
/// (1 November 2026): three merchants in two zones capture through two replicas sharing one
/// PostgreSQL ledger, both replicas' schedulers pass every ten simulated minutes, and every
/// cutoff closes once, every batch is accepted (`GB`) by the simulator, an empty cutoff is
/// skipped with its event, and every event reaches a webhook receiver once.
@Suite(.serialized) struct SettlementDayTests {
    typealias T = SettlementAPITests
    typealias C = CaptureAPITests

    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    static func profile(zone: String, time: String) -> String {
        MerchantProfileAPITests.profile(zone: zone, times: "[\"\(time)\"]")
    }

    /// The cutoffs each merchant must close, worked out by hand: New York's 23:00 is 03:00 UTC in
    /// daylight time and 04:00 after; its 01:30 happens twice on 1 November and closes at the first
    /// (05:30, not 06:30); Berlin had changed a week before.
    static let expected: [String: [Date]] = [
        "ny-evening": [utc("2026-11-01T03:00:00Z"), utc("2026-11-02T04:00:00Z")],
        "ny-night": [utc("2026-11-01T05:30:00Z"), utc("2026-11-02T06:30:00Z")],
        "berlin": [utc("2026-10-31T21:00:00Z"), utc("2026-11-01T21:00:00Z")],
    ]

    @Test func twoReplicasCloseEveryCutoffOnceAcrossADaylightSavingChange() async throws {
        let start = Self.utc("2026-10-31T12:00:00Z"), end = Self.utc("2026-11-02T12:00:00Z")
        let clock = Mutex(start)
        let simulator = try SimulatorServer(judge: BatchJudge(today: LocalDate(iso: "2026-11-01")!))
        defer { simulator.stop() }
        let url = try PostgresTestServer.shared.get().makeDatabase()
        let keyring = CardDataKeyring(current: try CardDataKey.generate())
        let fingerprintKey = Array(repeating: UInt8(7), count: 32)
        var replicas: [SettlementAPI] = []
        var ledgers: [PostgresLedger] = []
        for name in ["replica-a", "replica-b"] {
            let ledger = try PostgresLedger(url: url)
            try ledger.acquireLease(instance: name, duration: .seconds(3600), at: Date())
            var api = SettlementAPITests().api(simulator)
            api.ledger = ledger
            api.clock = SettlementClock(today: { LocalDate(clock.withLock { $0 }, in: .gmt) }, now: { clock.withLock { $0 } })
            api.cardDataKeys = keyring
            api.fingerprintKey = fingerprintKey
            api.replica = name
            replicas.append(api)
            ledgers.append(ledger)
        }
        let receiver = try await WebhookReceiver()
        defer { Task { await receiver.stop() } }
        let secret = try #require(WebhookSecret("whsec_" + Data(repeating: 9, count: 32).base64EncodedString()))
        let dispatcher = WebhookDispatcher(
            endpoints: [WebhookEndpoint(url: receiver.url, secrets: [secret])], ledger: ledgers[1],
            sender: WebhookSender(policy: WebhookAddressPolicy(allowsPrivateNetworks: true), connectTimeout: .seconds(2), timeout: .seconds(5)),
            backoff: WebhookBackoff(first: .milliseconds(1), cap: .milliseconds(5)), replica: "replica-b", logger: Logger(label: "day"),
            render: SettlementAPI.eventJSON)
        try await dispatcher.register(at: start)

        for (merchant, zone, time) in [
            ("ny-evening", "America/New_York", "23:00"), ("ny-night", "America/New_York", "01:30"), ("berlin", "Europe/Berlin", "22:00"),
        ] {
            let put = await replicas[0].handle(
                try MerchantProfileAPITests.request("PUT", "/v1/merchants/\(merchant)", body: Self.profile(zone: zone, time: time)))
            #expect(put.status == 201)
        }

        // Every ten minutes: captures every two hours (through the replicas in turn), then both
        // replicas' schedulers at once.
        var step = 0, captured: [String: Int] = [:]
        var now = start
        while now <= end {
            clock.withLock { $0 = now }
            if step % 12 == 0 && now < Self.utc("2026-11-01T18:00:00Z") {
                for merchant in ["ny-evening", "ny-night", "berlin"] {
                    // ny-night captures nothing after its first cutoff: its second is empty.
                    if merchant == "ny-night" && now >= Self.utc("2026-11-01T05:00:00Z") { continue }
                    let api = replicas[step / 12 % 2]
                    let amount = 1000 + step
                    let body = C.record(card: step % 24 == 0 ? C.visa : "5555555555554444", amount: amount, approval: "S\(step)")
                        .replacingOccurrences(of: "2026-11-25", with: "2026-10-31")
                    let response = await api.handle(try C.post(merchant, body, key: "\(merchant)-\(step)"))
                    #expect(response.status == 201, "\(merchant) at \(now): \(String(decoding: response.body, as: UTF8.self))")
                    captured[merchant, default: 0] += 1
                }
            }
            let at = now, a = CloseScheduler(api: replicas[0]), b = CloseScheduler(api: replicas[1])
            async let first = a.pass(at: at)
            async let second = b.pass(at: at)
            _ = await (first, second)
            step += 1
            now = now.addingTimeInterval(600)
        }

        var closedBatches = 0
        for (merchant, cutoffs) in Self.expected {
            let closes = try ledgers[0].closes(merchant: merchant, limit: 50).sorted { $0.createdAt < $1.createdAt }
            #expect(closes.map(\.cutoffAt) == cutoffs, "\(merchant): \(closes.map(\.cutoffAt))")
            #expect(closes.allSatisfy { $0.reason == .cutoff })
            for close in closes {
                if close.captureCount == 0 {
                    #expect(close.state == .skipped, "\(merchant)")
                    continue
                }
                #expect(close.state == .settled, "\(merchant) \(close.id): \(close.batches.map(\.note))")
                for batch in close.batches {
                    let id = try #require(batch.settlementID)
                    #expect(try ledgers[1].entry(id)?.state == .accepted)
                    closedBatches += 1
                }
            }
            #expect(closes.reduce(0) { $0 + $1.captureCount } == captured[merchant], "\(merchant): every capture in exactly one close")
            #expect(try ledgers[0].openBatch(merchant: merchant).captures == 0)
        }
        #expect(try ledgers[0].closes(merchant: "ny-night", limit: 5).contains { $0.state == .skipped })
        // The New York evening merchant's batches are dated by its own calendar.
        let evening = try ledgers[0].closes(merchant: "ny-evening", limit: 5).map(\.transmissionDate.iso).sorted()
        #expect(evening == ["2026-10-31", "2026-11-01"])
        simulator.waitUntilIdle()
        #expect(simulator.transcripts.filter { $0.responses.last?.rawCode == "GB" }.count == closedBatches)
        #expect(simulator.transcripts.count == closedBatches, "each batch sent once")
        #expect(try ledgers[0].cardDataKeyIDs().isEmpty, "every accepted capture's number erased")

        // The webhooks: each event once.
        let events = try ledgers[0].events(LedgerEventQuery(limit: 500)).events
        for _ in 0..<200 {
            if Set(receiver.requests.compactMap { $0.headers["webhook-id"] }).count >= events.count { break }
            _ = try await dispatcher.pass(at: { end })
            try await Task.sleep(for: .milliseconds(10))
        }
        let received = receiver.requests.compactMap { $0.headers["webhook-id"] }
        #expect(received.count == events.count && Set(received) == Set(events.map(\.id)))
        let types = events.map(\.type)
        #expect(types.filter { $0 == .batchClosed }.count == 5 && types.filter { $0 == .cutoffSkipped }.count == 1)
        #expect(types.filter { $0 == .accepted }.count == closedBatches)
        for request in receiver.requests {
            for pan in [C.visa, "5555555555554444"] { #expect(Data(request.body).range(of: Data(pan.utf8)) == nil) }
        }
    }
}
