import Foundation
import Logging
import SettleLedger
import SettleModel
import SettleTestSupport
import SettleWebhooks
import Testing

/// The dispatcher against a real receiver on loopback, over real libcurl, with real SQLite files
/// and a real PostgreSQL server: each event delivered once and signed so OpenSSL verifies it,
/// retried after failures, never redirected, and delivered once with two replicas.
@Suite(.serialized) struct WebhookDispatcherTests {
    static let secret = WebhookSecret(WebhookSecret.generate())!

    static func submission(batch: Int) -> LedgerSubmission {
        LedgerSubmission(
            idempotencyKey: "k\(batch)", fingerprint: LedgerFingerprint.current("f\(batch)"), merchantNumber: "888000002200", terminalNumber: "1515",
            batchNumber: batch, batchDate: LocalDate(year: 2026, month: 11, day: 26), industry: "retail", recordCount: 1, netDeposit: 2500,
            hashingTotal: 2500, cashBackTotal: 0, environment: "simulator",
            records: [LedgerRecordLine(index: 0, maskedCardNumber: "411111******1111", amount: 2500, transactionCode: "54")])
    }

    /// Settles batch `number` (its `settlement.accepted` event recorded); returns the entry's id.
    @discardableResult
    static func settle(_ ledger: DatabaseLedger, batch number: Int) throws -> String {
        guard case .admitted(let entry) = try ledger.admit(submission(batch: number), at: Date()) else { throw LedgerError("not admitted") }
        try ledger.markTransmitting(entry.id, at: Date())
        try ledger.complete(
            entry.id, with: LedgerOutcome(state: .accepted, responseCode: "GB", answer: LedgerAnswer(status: 200, body: [])), at: Date())
        return entry.id
    }

    static func dispatcher(
        _ ledger: DatabaseLedger, _ receiver: WebhookReceiver, replica: String = "a", timeout: Duration = .seconds(5)
    ) async throws -> WebhookDispatcher {
        let dispatcher = WebhookDispatcher(
            endpoints: [WebhookEndpoint(url: receiver.url, secrets: [secret])], ledger: ledger,
            sender: WebhookSender(policy: WebhookAddressPolicy(), connectTimeout: .seconds(2), timeout: timeout),
            backoff: WebhookBackoff(first: .milliseconds(1), cap: .milliseconds(5)), replica: replica, logger: Logger(label: "test"),
            render: { event, _ in Array(#"{"type":"\#(event.type.rawValue)","settlement":"\#(event.settlementID)"}"#.utf8) })
        try await dispatcher.register()
        return dispatcher
    }

    /// Passes until `done` or 200 passes.
    static func passUntil(_ dispatcher: WebhookDispatcher, _ done: () throws -> Bool) async throws {
        for _ in 0..<200 {
            if try done() { return }
            try await dispatcher.pass()
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// The signature of a received request, checked with the `openssl` command.
    static func verify(_ request: WebhookReceiver.Received) throws -> Bool {
        let headers = request.headers
        guard let id = headers["webhook-id"], let timestamp = headers["webhook-timestamp"], let signature = headers["webhook-signature"] else {
            return false
        }
        let expected = "v1," + (try OpenSSLHMAC.base64(Array("\(id).\(timestamp).".utf8) + request.body, key: secret.key))
        return signature.split(separator: " ").contains { $0 == expected }
    }

    @Test func eachEventIsDeliveredOnceSignedAsOpenSSLVerifies() async throws {
        let ledger = try SQLiteLedger(directory: Scratch.url("webhooks").path)
        let receiver = try await WebhookReceiver()
        // A timeout long enough that a loaded machine does not turn a slow answer into a retry.
        let dispatcher = try await Self.dispatcher(ledger, receiver, timeout: .seconds(60))
        let settlements = try (1...3).map { try Self.settle(ledger, batch: $0) }
        try await Self.passUntil(dispatcher) { receiver.requests.count >= 3 }
        try await dispatcher.pass()
        let requests = receiver.requests
        #expect(requests.count == 3)
        let events = try ledger.events(LedgerEventQuery()).events
        #expect(Set(requests.compactMap { $0.headers["webhook-id"] }) == Set(events.map(\.id)))
        for request in requests {
            #expect(try Self.verify(request), "signature of \(request.headers["webhook-id"] ?? "?")")
            #expect(request.method == "POST" && request.headers["content-type"] == "application/json")
            let timestamp = Double(request.headers["webhook-timestamp"] ?? "") ?? 0
            #expect(abs(timestamp - Date().timeIntervalSince1970) < 60)
        }
        let bodies = requests.map { String(decoding: $0.body, as: UTF8.self) }
        #expect(Set(settlements.map { #"{"type":"settlement.accepted","settlement":"\#($0)"}"# }) == Set(bodies))
        #expect(try ledger.webhookDeliveries(WebhookDeliveryQuery()).allSatisfy { $0.state == .delivered && $0.attempts == 1 })
        await receiver.stop()
    }

    @Test func aReceiverThatFailsTwiceGetsTheEventOnTheThirdTry() async throws {
        let ledger = try SQLiteLedger(directory: Scratch.url("webhooks").path)
        // The timeout is short of the hang, and long enough that a loaded machine still reads the 500.
        let receiver = try await WebhookReceiver(script: [.status(500), .hang(.seconds(16))])
        let dispatcher = try await Self.dispatcher(ledger, receiver, timeout: .seconds(8))
        try Self.settle(ledger, batch: 1)
        try await Self.passUntil(dispatcher) { try ledger.webhookDeliveries(WebhookDeliveryQuery(state: .delivered)).count == 1 }
        let delivery = try #require(try ledger.webhookDeliveries(WebhookDeliveryQuery()).first)
        #expect(delivery.state == .delivered && delivery.attempts == 3 && delivery.lastStatus == 204)
        let log = try ledger.webhookAttempts(of: delivery.id)
        #expect(log.map(\.status) == [500, nil, 204])
        #expect(log[1].error?.lowercased().contains("timeout") == true || log[1].error?.lowercased().contains("timed out") == true, "\(log[1])")
        #expect(Set(receiver.requests.compactMap { $0.headers["webhook-id"] }).count == 1)
        await receiver.stop()
    }

    @Test func aRedirectIsNotFollowed() async throws {
        let ledger = try SQLiteLedger(directory: Scratch.url("webhooks").path)
        let elsewhere = try await WebhookReceiver()
        let receiver = try await WebhookReceiver(script: [.redirect(elsewhere.url.absoluteString)])
        let dispatcher = try await Self.dispatcher(ledger, receiver)
        try Self.settle(ledger, batch: 1)
        try await Self.passUntil(dispatcher) { !receiver.requests.isEmpty }
        let delivery = try #require(try ledger.webhookDeliveries(WebhookDeliveryQuery()).first)
        #expect(delivery.state == .pending && delivery.lastStatus == 302)
        #expect(delivery.lastError?.contains("redirects are not followed") == true)
        #expect(elsewhere.requests.isEmpty)
        await receiver.stop()
        await elsewhere.stop()
    }

    /// A replica that stopped mid-try (its claim held, nothing recorded) leaves the delivery to
    /// the next pass once the claim ran out: the restarted process, or any other, delivers it.
    @Test func aDeliveryLeftByAStoppedProcessIsDeliveredAfterItsClaimRanOut() async throws {
        let ledger = try SQLiteLedger(directory: Scratch.url("webhooks").path)
        let receiver = try await WebhookReceiver()
        let dispatcher = try await Self.dispatcher(ledger, receiver, replica: "restarted")
        try Self.settle(ledger, batch: 1)
        _ = try ledger.scheduleWebhookDeliveries(endpoint: dispatcher.endpoints[0].id, types: [], at: Date())
        let stopped = try ledger.claimWebhookDeliveries(
            replica: "stopped", endpoints: [dispatcher.endpoints[0].id], at: Date(), until: Date().addingTimeInterval(0.5), limit: 10)
        #expect(stopped.count == 1)
        try await dispatcher.pass()
        #expect(receiver.requests.isEmpty, "claimed by the stopped process until its claim runs out")
        try await Task.sleep(for: .milliseconds(600))
        try await Self.passUntil(dispatcher) { receiver.requests.count == 1 }
        #expect(try ledger.webhookAttempts(of: stopped[0].delivery.id).map(\.replica) == ["restarted"])
        await receiver.stop()
    }

    /// Two replicas passing at once over one PostgreSQL ledger: every event reaches the receiver
    /// exactly once.
    @Test func twoReplicasDeliverEachEventOnce() async throws {
        let url = try PostgresTestServer.shared.get().makeDatabase()
        let a = try PostgresLedger(url: url), b = try PostgresLedger(url: url)
        let receiver = try await WebhookReceiver()
        let first = try await Self.dispatcher(a, receiver, replica: "a")
        let second = try await Self.dispatcher(b, receiver, replica: "b")
        for number in 1...30 { try Self.settle(number % 2 == 0 ? a : b, batch: number) }
        await withTaskGroup(of: Void.self) { group in
            for dispatcher in [first, second] {
                group.addTask {
                    for _ in 0..<100 {
                        _ = try? await dispatcher.pass()
                        if receiver.requests.count >= 30 { break }
                        try? await Task.sleep(for: .milliseconds(5))
                    }
                }
            }
        }
        let ids = receiver.requests.compactMap { $0.headers["webhook-id"] }
        #expect(ids.count == 30 && Set(ids).count == 30)
        let replicas = Set(try a.webhookDeliveries(WebhookDeliveryQuery(limit: 100)).flatMap { try a.webhookAttempts(of: $0.id).map(\.replica) })
        #expect(!replicas.isEmpty)
        await receiver.stop()
    }
}
