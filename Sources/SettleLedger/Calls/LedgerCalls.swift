import Foundation

/// Runs ledger calls on threads of their own. A call may wait on the disk (a full sync) or on
/// another replica's write lock for seconds; on the cooperative pool, whose threads the HTTP
/// connections share, that would stall every connection.
public enum LedgerCalls {
    /// As many calls at once as a PostgreSQL ledger's default connections; a ledger with fewer
    /// connections (SQLite has one) keeps the rest waiting for theirs.
    private static let queue: OperationQueue = {
        let queue = OperationQueue()
        queue.name = "tsys-settle.ledger"
        queue.maxConcurrentOperationCount = 8
        return queue
    }()

    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws(LedgerError) -> T) async throws(LedgerError) -> T {
        let result: Result<T, LedgerError> = await withCheckedContinuation { continuation in
            queue.addOperation { continuation.resume(returning: Result { () throws(LedgerError) in try body() }) }
        }
        return try result.get()
    }
}
