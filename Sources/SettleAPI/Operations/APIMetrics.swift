import Synchronization

/// Counters for `/metrics` in the Prometheus text format: requests by route and status,
/// settlements by outcome and response code, ledger admissions, settlement duration, open connections.
public final class APIMetrics: Sendable {
    /// Upper bounds (seconds) of the settlement duration histogram.
    static let bounds: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120]

    private struct State {
        var requests: [String: Int] = [:]
        var settlements: [String: Int] = [:]
        var admissions: [String: Int] = [:]
        var buckets = [Int](repeating: 0, count: APIMetrics.bounds.count)
        var durationCount = 0
        var durationSum = 0.0
    }

    private let state = Mutex(State())
    private let connections = Mutex<(@Sendable () -> Int)?>(nil)

    public init() {}

    /// Where the open-connection gauge reads from (the server, once it exists).
    public func observeConnections(_ read: @escaping @Sendable () -> Int) { connections.withLock { $0 = read } }

    func request(route: String, status: Int) {
        state.withLock { $0.requests["route=\"\(route)\",status=\"\(status)\"", default: 0] += 1 }
    }

    func settlement(outcome: String, responseCode: String?, duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        state.withLock { state in
            state.settlements["outcome=\"\(outcome)\",response_code=\"\(responseCode ?? "")\"", default: 0] += 1
            for (index, bound) in Self.bounds.enumerated() where seconds <= bound { state.buckets[index] += 1 }
            state.durationCount += 1
            state.durationSum += seconds
        }
    }

    /// What the ledger said to a submission: admitted, replayed, refused and why.
    func admission(_ result: String) {
        state.withLock { $0.admissions["result=\"\(result)\"", default: 0] += 1 }
    }

    /// The exposition text (version 0.0.4).
    public func render() -> String {
        let snapshot = state.withLock { $0 }
        var lines = [
            "# HELP tsys_settle_http_requests_total HTTP requests answered, by route and status.",
            "# TYPE tsys_settle_http_requests_total counter",
        ]
        lines += snapshot.requests.keys.sorted().map { "tsys_settle_http_requests_total{\($0)} \(snapshot.requests[$0]!)" }
        lines += ["# HELP tsys_settle_settlements_total Settlements attempted, by outcome and host response code.",
                  "# TYPE tsys_settle_settlements_total counter"]
        lines += snapshot.settlements.keys.sorted().map { "tsys_settle_settlements_total{\($0)} \(snapshot.settlements[$0]!)" }
        lines += ["# HELP tsys_settle_ledger_admissions_total Submissions the ledger admitted, replayed or refused, by result.",
                  "# TYPE tsys_settle_ledger_admissions_total counter"]
        lines += snapshot.admissions.keys.sorted().map { "tsys_settle_ledger_admissions_total{\($0)} \(snapshot.admissions[$0]!)" }
        lines += ["# HELP tsys_settle_settlement_duration_seconds Time from connecting to the host to its answer.",
                  "# TYPE tsys_settle_settlement_duration_seconds histogram"]
        for (index, bound) in Self.bounds.enumerated() {
            lines.append("tsys_settle_settlement_duration_seconds_bucket{le=\"\(bound)\"} \(snapshot.buckets[index])")
        }
        lines += ["tsys_settle_settlement_duration_seconds_bucket{le=\"+Inf\"} \(snapshot.durationCount)",
                  "tsys_settle_settlement_duration_seconds_sum \(snapshot.durationSum)",
                  "tsys_settle_settlement_duration_seconds_count \(snapshot.durationCount)",
                  "# HELP tsys_settle_open_connections HTTP connections open now.",
                  "# TYPE tsys_settle_open_connections gauge",
                  "tsys_settle_open_connections \(connections.withLock { $0?() ?? 0 })"]
        return lines.joined(separator: "\n") + "\n"
    }
}
