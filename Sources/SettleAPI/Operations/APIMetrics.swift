import CoreMetrics
import Foundation
import Prometheus
import Synchronization

/// The service's metrics, through swift-metrics, exposed by swift-prometheus at `/metrics`:
/// requests by route and status, settlements by outcome and response code, ledger admissions,
/// settlement duration, open connections.
///
/// Each instance has a registry of its own (so tests and several servers in one process do not
/// share counts); ``factory`` is what `serve` bootstraps the process's `MetricsSystem` with, so
/// the metrics of the libraries it uses appear at `/metrics` too.
public final class APIMetrics: Sendable {
    /// Upper bounds (seconds) of the settlement duration histogram.
    static let bounds: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
        .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30), .seconds(60), .seconds(120),
    ]

    public let registry = PrometheusCollectorRegistry()
    public let factory: PrometheusMetricsFactory
    /// The metrics of each label set, made once: making one looks it up in the registry under
    /// a lock, which a request should not pay for twice.
    private let counters = Mutex<[String: CoreMetrics.Counter]>([:])
    private let duration: CoreMetrics.Timer
    private let openConnections: CoreMetrics.Gauge
    private let openCaptures: CoreMetrics.Gauge
    private let nextCutoff: CoreMetrics.Gauge
    private let connections = Mutex<(@Sendable () -> Int)?>(nil)

    public init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets = ["tsys_settle_settlement_duration_seconds": Self.bounds]
        self.factory = factory
        duration = CoreMetrics.Timer(label: "tsys_settle_settlement_duration_seconds", dimensions: [], factory: factory)
        openConnections = CoreMetrics.Gauge(label: "tsys_settle_open_connections", dimensions: [], factory: factory)
        openCaptures = CoreMetrics.Gauge(label: "tsys_settle_open_captures", dimensions: [], factory: factory)
        nextCutoff = CoreMetrics.Gauge(label: "tsys_settle_next_cutoff_timestamp_seconds", dimensions: [], factory: factory)
    }

    /// Where the open-connection gauge reads from (the server, once it exists).
    public func observeConnections(_ read: @escaping @Sendable () -> Int) { connections.withLock { $0 = read } }

    private func count(_ name: String, _ dimensions: [(String, String)]) {
        let key = name + dimensions.map { "|\($0.0)=\($0.1)" }.joined()
        let counter = counters.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = CoreMetrics.Counter(label: name, dimensions: dimensions, factory: factory)
            counters[key] = counter
            return counter
        }
        counter.increment()
    }

    func request(route: String, status: Int) {
        count("tsys_settle_http_requests_total", [("route", route), ("status", String(status))])
    }

    func settlement(outcome: String, responseCode: String?, duration: Duration) {
        count("tsys_settle_settlements_total", [("outcome", outcome), ("response_code", responseCode ?? "")])
        self.duration.recordNanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    /// What the ledger said to a submission: admitted, replayed, refused and why.
    func admission(_ result: String) {
        count("tsys_settle_ledger_admissions_total", [("result", result)])
    }

    /// A settlement answered `202 Accepted`, going on in the background.
    func asynchronous() { count("tsys_settle_settlements_asynchronous_total", []) }

    /// A settlement's ending the ledger could not take at the first try: `retried` each time it is
    /// tried again, `recorded` once it is written after all.
    func ending(_ result: String) {
        count("tsys_settle_ledger_ending_retries_total", [("result", result)])
    }

    /// Captures in merchants' open batches, and when the soonest cutoff comes (Unix seconds; 0: none).
    func openBatches(captures: Int, nextCutoff: Date?) {
        openCaptures.record(captures)
        self.nextCutoff.record(nextCutoff?.timeIntervalSince1970 ?? 0)
    }

    /// A merchant's open batch closed (`closed`), or a cutoff with nothing open (`skipped`).
    func close(reason: String, result: String) { count("tsys_settle_closes_total", [("reason", reason), ("result", result)]) }

    /// How a try of a close's batch ended: accepted, held, dropped_and_resent, retried.
    func closeBatch(_ result: String) { count("tsys_settle_close_batches_total", [("result", result)]) }

    /// The exposition text (version 0.0.4).
    public func render() -> [UInt8] {
        openConnections.record(connections.withLock { $0?() ?? 0 })
        return registry.emitToBuffer()
    }
}
