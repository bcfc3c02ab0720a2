import Dispatch
import SettleLedger

/// Runs ledger calls on a queue of their own. A call may wait on the disk (a full sync) or on
/// another replica's write lock for seconds; on the cooperative pool, whose threads the HTTP
/// connections share, that would stall every connection.
enum LedgerCalls {
    // Serial: the ledger serializes its connection anyway.
    private static let queue = DispatchQueue(label: "tsys-settle.ledger")

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws(LedgerError) -> T) async throws(LedgerError) -> T {
        let result: Result<T, LedgerError> = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: Result { () throws(LedgerError) in try body() }) }
        }
        return try result.get()
    }
}
