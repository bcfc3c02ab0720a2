import CoreMetrics
import Dispatch
import Foundation
import Logging
import SettleLedger
import Synchronization

/// Delivers the ledger's events to the configured endpoints, at least once each: every pass it
/// schedules the events recorded since the last one, claims the deliveries that are due (for the
/// length of one try, so no other replica tries them meanwhile), posts them signed, and records
/// each try, a failure with its next try (``WebhookBackoff``). Deliveries live in the ledger, so a
/// process that stops leaves them to the next pass of any replica.
public final class WebhookDispatcher: Sendable {
    public let endpoints: [WebhookEndpoint]
    private let ledger: any WebhookLedger
    private let sender: WebhookSender
    private let backoff: WebhookBackoff
    private let replica: String
    private let render: @Sendable (LedgerEvent, LedgerEventSubject) -> [UInt8]
    private let logger: Logger
    /// How often a pass runs when nothing calls ``nudge()``.
    private let interval: Duration
    /// Tries at once (each holds a thread while libcurl waits).
    private let concurrency: Int
    private let nudged = Atomic<Bool>(false)
    private let passes = Atomic<Int>(0)
    private let delivered: CoreMetrics.Counter
    private let failed: CoreMetrics.Counter
    private let abandoned: CoreMetrics.Counter
    private let pendingGauge: CoreMetrics.Gauge
    private let oldestGauge: CoreMetrics.Gauge

    /// `render` makes an event's payload (the API's JSON of the event and what it is about).
    public init(
        endpoints: [WebhookEndpoint], ledger: any WebhookLedger, sender: WebhookSender, backoff: WebhookBackoff = WebhookBackoff(),
        replica: String, interval: Duration = .seconds(1), concurrency: Int = 8, logger: Logger,
        metrics: any MetricsFactory = MetricsSystem.factory, render: @escaping @Sendable (LedgerEvent, LedgerEventSubject) -> [UInt8]
    ) {
        self.endpoints = endpoints
        self.ledger = ledger
        self.sender = sender
        self.backoff = backoff
        self.replica = replica
        self.interval = interval
        self.concurrency = max(1, concurrency)
        self.logger = logger
        self.render = render
        // The factory given: `serve` makes the dispatcher before it bootstraps the process's.
        let deliveries = "tsys_settle_webhook_deliveries_total"
        delivered = CoreMetrics.Counter(label: deliveries, dimensions: [("result", "delivered")], factory: metrics)
        failed = CoreMetrics.Counter(label: deliveries, dimensions: [("result", "failed")], factory: metrics)
        abandoned = CoreMetrics.Counter(label: deliveries, dimensions: [("result", "abandoned")], factory: metrics)
        pendingGauge = CoreMetrics.Gauge(label: "tsys_settle_webhook_outbox_pending", dimensions: [], factory: metrics)
        oldestGauge = CoreMetrics.Gauge(label: "tsys_settle_webhook_outbox_oldest_seconds", dimensions: [], factory: metrics)
    }

    /// Notes the endpoints in the ledger (one seen for the first time gets the events from now on).
    public func register(at now: Date = Date()) async throws(LedgerError) {
        for endpoint in endpoints {
            let (ledger, id, url) = (ledger, endpoint.id, endpoint.url.absoluteString)
            try await LedgerCalls.run { () throws(LedgerError) in try ledger.registerWebhookEndpoint(id: id, url: url, at: now) }
        }
    }

    /// Asks for a pass now (an event was just recorded), rather than at the next interval.
    public func nudge() { nudged.store(true, ordering: .relaxed) }

    /// Passes until the task is cancelled or `shouldStop` says so; a pass under way finishes, its
    /// tries recorded. On `shouldStop` (a graceful stop) it passes until nothing more is due
    /// now, so the events of the last settlements go out before the process exits.
    public func run(shouldStop: @escaping @Sendable () -> Bool = { false }) async {
        await loop(shouldStop: shouldStop)
        guard !Task.isCancelled else { return }
        // Bounded: a receiver that hangs does not hold the stop up for long.
        let deadline = ContinuousClock.now + Self.finalDrain
        while ContinuousClock.now < deadline {
            guard let tried = try? await pass(), tried == concurrency else { return }
        }
    }

    /// How long a graceful stop goes on delivering what is due.
    public static let finalDrain: Duration = .seconds(30)

    private func loop(shouldStop: @escaping @Sendable () -> Bool) async {
        while !Task.isCancelled && !shouldStop() {
            do {
                // A full pass leaves more due: the next one starts at once.
                if try await pass() == concurrency { continue }
            } catch {
                logger.warning("webhook deliveries paused: the ledger failed (\(error)); trying again in \(interval)")
            }
            // Wait for a nudge or the interval, looking every 20 ms.
            let deadline = ContinuousClock.now + interval
            while ContinuousClock.now < deadline && !nudged.exchange(false, ordering: .relaxed) && !Task.isCancelled && !shouldStop() {
                try? await Task.sleep(for: .milliseconds(20))
            }
        }
    }

    /// One pass: schedule, claim, deliver, record. Returns the tries made.
    @discardableResult
    public func pass(at clock: @escaping @Sendable () -> Date = { Date() }) async throws(LedgerError) -> Int {
        let ledger = ledger
        for endpoint in endpoints {
            let (id, types, now) = (endpoint.id, endpoint.types, clock())
            _ = try await LedgerCalls.run { () throws(LedgerError) in try ledger.scheduleWebhookDeliveries(endpoint: id, types: types, at: now) }
        }
        let now = clock(), until = now.addingTimeInterval(WebhookBackoff.seconds(sender.timeout + sender.connectTimeout) + 30)
        let (replica, limit, ids) = (replica, concurrency, endpoints.map(\.id))
        let claimed = try await LedgerCalls.run { () throws(LedgerError) in
            try ledger.claimWebhookDeliveries(replica: replica, endpoints: ids, at: now, until: until, limit: limit)
        }
        await withTaskGroup(of: Void.self) { group in
            for delivery in claimed { group.addTask { await self.attempt(delivery, clock: clock) } }
        }
        if passes.add(1, ordering: .relaxed).newValue % 10 == 1 { await observeOutbox() }
        return claimed.count
    }

    /// One try of `claimed`, recorded.
    private func attempt(_ claimed: ClaimedWebhookDelivery, clock: @escaping @Sendable () -> Date) async {
        guard let endpoint = endpoints.first(where: { $0.id == claimed.delivery.endpointID }) else { return }
        let body = render(claimed.event, claimed.subject)
        let timestamp = Int64(clock().timeIntervalSince1970)
        let headers = [
            ("webhook-id", claimed.event.id), ("webhook-timestamp", String(timestamp)),
            ("webhook-signature", WebhookSignature.header(id: claimed.event.id, timestamp: timestamp, body: body, secrets: endpoint.secrets)),
        ]
        let started = ContinuousClock.now
        let sender = sender
        let result = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async { continuation.resume(returning: sender.post(body, to: endpoint.url, headers: headers)) }
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Int64(elapsed.components.seconds) * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        let now = clock()
        let outcome: WebhookAttemptOutcome
        switch result {
        case .answered(let status) where (200...299).contains(status):
            outcome = WebhookAttemptOutcome(status: status, error: nil, retryAt: nil)
        case .answered(let status):
            let why = (300...399).contains(status) ? "HTTP \(status) (redirects are not followed)" : "HTTP \(status)"
            outcome = failure(status, why, claimed.delivery, now)
        case .failed(let why):
            outcome = failure(nil, why, claimed.delivery, now)
        }
        let (ledger, replica, id) = (ledger, replica, claimed.delivery.id)
        do {
            try await LedgerCalls.run { () throws(LedgerError) in
                try ledger.recordWebhookAttempt(outcome, of: id, by: replica, at: now, milliseconds: milliseconds)
            }
        } catch {
            // The claim runs out and the delivery is tried again: at least once, as promised.
            logger.warning("webhook delivery \(id): its try could not be recorded (\(error)); it will be tried again")
        }
        if outcome.delivered {
            delivered.increment()
        } else if outcome.retryAt == nil {
            abandoned.increment()
            logger.error(
                "webhook delivery \(id) of \(claimed.event.type.rawValue) to \(endpoint.name) given up after \(claimed.delivery.attempts + 1) tries: \(outcome.error ?? "")",
                metadata: ["event": "\(claimed.event.id)", "subject": "\(claimed.event.closeID ?? claimed.event.settlementID)"])
        } else {
            failed.increment()
            logger.info(
                "webhook delivery \(id) to \(endpoint.name) failed (\(outcome.error ?? "")); next try at \(outcome.retryAt.map { "\($0)" } ?? "")",
                metadata: ["event": "\(claimed.event.id)"])
        }
    }

    private func failure(_ status: Int?, _ why: String, _ delivery: WebhookDelivery, _ now: Date) -> WebhookAttemptOutcome {
        var random = SystemRandomNumberGenerator()
        let next = backoff.retry(after: delivery.attempts + 1, at: now, since: delivery.retrySince ?? delivery.createdAt, using: &random)
        return WebhookAttemptOutcome(status: status, error: why, retryAt: next)
    }

    private func observeOutbox() async {
        let ledger = ledger
        let ids = endpoints.map(\.id)
        guard let status = try? await LedgerCalls.run({ () throws(LedgerError) in try ledger.webhookOutboxStatus(endpoints: ids) }) else { return }
        pendingGauge.record(status.pending)
        oldestGauge.record(status.oldestPending.map { max(0, Date().timeIntervalSince($0)) } ?? 0)
    }
}
