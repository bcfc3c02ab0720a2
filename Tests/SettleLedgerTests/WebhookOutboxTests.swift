import Foundation
import SettleModel
import SettleTestSupport
import Testing

@testable import SettleLedger

/// The webhook outbox on both databases: an endpoint gets the events recorded after it was first
/// seen, filtered by type, once each; a delivery is claimed by one replica at a time, retried
/// when due, logged try by try, and can be redelivered.
@Suite struct WebhookOutboxTests {
    static let start = LedgerTests.start
    static let endpoint = "whe_00112233445566aa"

    func at(_ seconds: Double) -> Date { Self.start.addingTimeInterval(seconds) }

    /// Settles batch `number` to `state`, making its event.
    func settle(_ ledger: DatabaseLedger, batch number: Int, _ state: SettlementState = .accepted) throws -> String {
        guard case .admitted(let entry) = try ledger.admit(LedgerTests.submission(key: "k\(number)", batch: number), at: at(0)) else {
            throw LedgerError("batch \(number) was not admitted")
        }
        try ledger.markTransmitting(entry.id, at: at(0))
        try ledger.complete(entry.id, with: LedgerTests.outcome(state), at: at(1))
        return entry.id
    }

    @Test(arguments: LedgerBackend.allCases)
    func anEndpointGetsTheEventsAfterItWasFirstSeenOnceEach(backend: LedgerBackend) throws {
        let ledger = try backend.ledger()
        _ = try settle(ledger, batch: 1)
        try ledger.registerWebhookEndpoint(id: Self.endpoint, url: "https://example.com/hook", at: at(2))
        #expect(try ledger.scheduleWebhookDeliveries(endpoint: Self.endpoint, types: [], at: at(2)) == 0)
        let accepted = try settle(ledger, batch: 2)
        let rejected = try settle(ledger, batch: 3, .rejected)
        // Seen again (another replica, a restart): it keeps its place.
        try ledger.registerWebhookEndpoint(id: Self.endpoint, url: "https://example.com/hook", at: at(3))
        #expect(try ledger.scheduleWebhookDeliveries(endpoint: Self.endpoint, types: [.accepted], at: at(3)) == 1)
        #expect(try ledger.scheduleWebhookDeliveries(endpoint: Self.endpoint, types: [.accepted], at: at(4)) == 0)
        let deliveries = try ledger.webhookDeliveries(WebhookDeliveryQuery())
        #expect(deliveries.map(\.settlementID) == [accepted])
        #expect(deliveries.first?.state == .pending && deliveries.first?.attempts == 0)
        #expect(deliveries.first?.id.hasPrefix("whd_") == true)
        #expect(!deliveries.map(\.settlementID).contains(rejected))
    }

    @Test(arguments: LedgerBackend.allCases)
    func aDeliveryIsClaimedByOneReplicaRetriedWhenDueAndLogged(backend: LedgerBackend) throws {
        let ledger = try backend.ledger()
        let other = try backend.reopen(ledger)
        try ledger.registerWebhookEndpoint(id: Self.endpoint, url: "https://example.com/hook", at: at(0))
        let settlement = try settle(ledger, batch: 1)
        _ = try ledger.scheduleWebhookDeliveries(endpoint: Self.endpoint, types: [], at: at(2))
        let claimed = try ledger.claimWebhookDeliveries(replica: "a", endpoints: [Self.endpoint], at: at(2), until: at(32), limit: 10)
        #expect(claimed.map(\.subject) == [.settlement(try #require(try ledger.entry(settlement)))])
        #expect(claimed.first?.event.type == .accepted)
        // Claimed: nobody else tries it until the claim runs out.
        #expect(try other.claimWebhookDeliveries(replica: "b", endpoints: [Self.endpoint], at: at(3), until: at(33), limit: 10).isEmpty)
        let id = try #require(claimed.first?.delivery.id)
        try ledger.recordWebhookAttempt(
            WebhookAttemptOutcome(status: 500, error: "HTTP 500", retryAt: at(60)), of: id, by: "a", at: at(4), milliseconds: 12)
        #expect(
            try other.claimWebhookDeliveries(replica: "b", endpoints: [Self.endpoint], at: at(59), until: at(89), limit: 10).isEmpty, "not due yet")
        let again = try other.claimWebhookDeliveries(replica: "b", endpoints: [Self.endpoint], at: at(60), until: at(90), limit: 10)
        #expect(again.map(\.delivery.id) == [id] && again.first?.delivery.attempts == 1)
        try other.recordWebhookAttempt(WebhookAttemptOutcome(status: 204, error: nil, retryAt: nil), of: id, by: "b", at: at(61), milliseconds: 7)
        let delivered = try #require(try ledger.webhookDelivery(id))
        #expect(delivered.state == .delivered && delivered.attempts == 2 && delivered.deliveredAt == at(61) && delivered.lastStatus == 204)
        let log = try ledger.webhookAttempts(of: id)
        #expect(log.map(\.number) == [1, 2] && log.map(\.replica) == ["a", "b"] && log.map(\.status) == [500, 204])
        #expect(try ledger.claimWebhookDeliveries(replica: "a", endpoints: [Self.endpoint], at: at(100), until: at(130), limit: 10).isEmpty)
        // An operator asks for it again: pending and due at once, its log kept.
        guard case .redelivered(let again) = try ledger.redeliverWebhook(id, at: at(200)) else { throw LedgerError("not redelivered") }
        #expect(again.state == .pending && again.attempts == 0 && again.retrySince == at(200))
        #expect(try ledger.claimWebhookDeliveries(replica: "a", endpoints: [Self.endpoint], at: at(200), until: at(230), limit: 10).count == 1)
        #expect(try ledger.redeliverWebhook("whd_none", at: at(200)) == .notFound)
        #expect(try ledger.webhookOutboxStatus().pending == 1)
    }

    @Test(arguments: LedgerBackend.allCases)
    func aClaimThatRanOutIsTakenByAnotherReplicaAndAGivenUpDeliveryIsAbandoned(backend: LedgerBackend) throws {
        let ledger = try backend.ledger()
        try ledger.registerWebhookEndpoint(id: Self.endpoint, url: "https://example.com/hook", at: at(0))
        _ = try settle(ledger, batch: 1)
        _ = try ledger.scheduleWebhookDeliveries(endpoint: Self.endpoint, types: [], at: at(2))
        let first = try ledger.claimWebhookDeliveries(replica: "a", endpoints: [Self.endpoint], at: at(2), until: at(32), limit: 10)
        // Replica a stopped mid-try: its claim runs out, and b takes the delivery.
        let taken = try backend.reopen(ledger).claimWebhookDeliveries(replica: "b", endpoints: [Self.endpoint], at: at(33), until: at(63), limit: 10)
        #expect(taken.map(\.delivery.id) == first.map(\.delivery.id))
        let id = try #require(taken.first?.delivery.id)
        try ledger.recordWebhookAttempt(
            WebhookAttemptOutcome(status: nil, error: "timed out", retryAt: nil), of: id, by: "b", at: at(40), milliseconds: 30_000)
        #expect(try ledger.webhookDelivery(id)?.state == .abandoned)
        #expect(try ledger.webhookOutboxStatus() == WebhookOutboxStatus(pending: 0, oldestPending: nil))
    }

    /// A try that outlived its claim (a slow receiver, a paused replica) while another replica
    /// claimed the delivery is not recorded over the new claim; a redelivery keeps a claim under
    /// way and starts the retry period afresh; only the given endpoints' deliveries are claimed.
    @Test(arguments: LedgerBackend.allCases)
    func aLateTryDoesNotOverwriteANewClaimAndRedeliveryKeepsAClaim(backend: LedgerBackend) throws {
        let ledger = try backend.ledger()
        try ledger.registerWebhookEndpoint(id: Self.endpoint, url: "https://example.com/hook", at: at(0))
        _ = try settle(ledger, batch: 1)
        _ = try ledger.scheduleWebhookDeliveries(endpoint: Self.endpoint, types: [], at: at(2))
        #expect(try ledger.claimWebhookDeliveries(replica: "a", endpoints: ["whe_other"], at: at(2), until: at(32), limit: 10).isEmpty)
        let id = try #require(
            try ledger.claimWebhookDeliveries(replica: "a", endpoints: [Self.endpoint], at: at(2), until: at(32), limit: 10).first?.delivery.id)
        #expect(try ledger.claimWebhookDeliveries(replica: "b", endpoints: [Self.endpoint], at: at(33), until: at(63), limit: 10).count == 1)
        // a's try ends late: not recorded, b's claim stands.
        try ledger.recordWebhookAttempt(
            WebhookAttemptOutcome(status: 204, error: nil, retryAt: nil), of: id, by: "a", at: at(40), milliseconds: 38_000)
        #expect(try ledger.webhookDelivery(id)?.state == .pending)
        #expect(try ledger.webhookAttempts(of: id).isEmpty)
        // Asked again while b's try is under way: refused, b's try is the one that counts.
        guard case .tryUnderWay = try ledger.redeliverWebhook(id, at: at(41)) else { throw LedgerError("redelivered under a live claim") }
        try ledger.recordWebhookAttempt(WebhookAttemptOutcome(status: 204, error: nil, retryAt: nil), of: id, by: "b", at: at(43), milliseconds: 9)
        #expect(try ledger.webhookDelivery(id)?.state == .delivered)
        #expect(try ledger.webhookAttempts(of: id).map(\.replica) == ["b"])
        // Once recorded, a redelivery's tries are numbered on in the log.
        guard case .redelivered = try ledger.redeliverWebhook(id, at: at(44)) else { throw LedgerError("not redelivered") }
        #expect(try ledger.claimWebhookDeliveries(replica: "c", endpoints: [Self.endpoint], at: at(45), until: at(75), limit: 10).count == 1)
        try ledger.recordWebhookAttempt(WebhookAttemptOutcome(status: 204, error: nil, retryAt: nil), of: id, by: "c", at: at(46), milliseconds: 9)
        #expect(try ledger.webhookAttempts(of: id).map(\.number) == [1, 2])
    }

    /// Two replicas claiming at once: no delivery is claimed by both.
    @Test func replicasClaimingAtOnceNeverShareADelivery() async throws {
        let a = try LedgerBackend.postgres.ledger()
        let b = try LedgerBackend.postgres.reopen(a)
        try a.registerWebhookEndpoint(id: Self.endpoint, url: "https://example.com/hook", at: at(0))
        for number in 1...30 { _ = try settle(a, batch: number) }
        _ = try a.scheduleWebhookDeliveries(endpoint: Self.endpoint, types: [], at: at(2))
        let now = at(3), until = at(33)
        let all = await withTaskGroup(of: (String, [String]).self) { group in
            for (name, ledger) in [("a", a), ("b", b)] {
                group.addTask {
                    var got: [String] = []
                    for _ in 0..<10 {
                        got +=
                            ((try? ledger.claimWebhookDeliveries(replica: name, endpoints: [Self.endpoint], at: now, until: until, limit: 4)) ?? [])
                            .map(\.delivery.id)
                    }
                    return (name, got)
                }
            }
            var all: [String: [String]] = [:]
            for await (name, got) in group { all[name] = got }
            return all
        }
        let byA = Set(all["a"] ?? []), byB = Set(all["b"] ?? [])
        #expect(byA.isDisjoint(with: byB))
        #expect(byA.count + byB.count == 30)
    }
}
