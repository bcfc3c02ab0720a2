import Dispatch
import Synchronization

/// Runs ledger calls on threads of their own. A call may wait on the disk (a full sync) or on
/// another replica's lock for seconds; on the cooperative pool, whose threads the HTTP
/// connections share, that would stall every connection.
public enum LedgerCalls {
    /// Eight lanes, as many as a PostgreSQL ledger's default connections, taken in turn: calls run
    /// side by side, and a ledger with fewer connections (SQLite has one) keeps the rest waiting
    /// for theirs. (Serial queues cost less per call than an `OperationQueue` of that width.)
    private static let lanes = (0..<8).map { DispatchQueue(label: "tsys-settle.ledger.\($0)") }
    private static let turn = Atomic<Int>(0)

    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws(LedgerError) -> T) async throws(LedgerError) -> T {
        let lane = lanes[turn.add(1, ordering: .relaxed).newValue & 7]
        let result: Result<T, LedgerError> = await withCheckedContinuation { continuation in
            lane.async { continuation.resume(returning: Result { () throws(LedgerError) in try body() }) }
        }
        return try result.get()
    }
}
