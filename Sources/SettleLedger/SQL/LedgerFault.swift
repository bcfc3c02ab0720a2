/// A failure the fault simulator injects inside the ledger's database layer, for the next call
/// only (see ``DatabaseLedger/injectFault(_:)``): what a full disk, a dropped connection or a
/// failed commit does to the ledger's statements, without a database that misbehaves on cue.
package enum LedgerFault: Sendable, Hashable {
    /// The call's `n`th statement (1-based) fails as the database would fail it; the transaction
    /// it is in rolls back. A call with fewer statements is not affected.
    case statement(Int)
    /// The call's work is done and committed, but its answer never reaches the caller, who sees
    /// a failure: the write happened although the caller was told it did not.
    case answerLost
}

/// A connection whose `n`th statement fails, for ``LedgerFault/statement(_:)``. The rest is the
/// wrapped connection's: transactions, durability and the changed-row count.
final class FaultInjectingDatabase: LedgerDatabase {
    private let wrapped: any LedgerDatabase
    private let failing: Int
    private var statements = 0

    init(_ wrapped: any LedgerDatabase, failingStatement: Int) {
        self.wrapped = wrapped
        failing = failingStatement
    }

    /// Counts `count` statements about to run; throws when the failing one is among them.
    private func count(_ count: Int) throws(LedgerError) {
        defer { statements += count }
        if statements < failing && failing <= statements + count {
            throw LedgerError("injected fault: statement \(failing) of the call failed (as an I/O error would)")
        }
    }

    func query(_ sql: String, _ values: [LedgerValue]) throws(LedgerError) -> [[LedgerValue]] {
        try count(1)
        return try wrapped.query(sql, values)
    }

    func queries(_ statements: [(String, [LedgerValue])]) throws(LedgerError) -> [[[LedgerValue]]] {
        try count(statements.count)
        return try wrapped.queries(statements)
    }

    func write(_ statements: [(String, [LedgerValue])]) throws(LedgerError) {
        try count(statements.count)
        try wrapped.write(statements)
    }

    var changes: Int { wrapped.changes }

    func transaction<T>(_ body: () throws(LedgerError) -> T) throws(LedgerError) -> T { try wrapped.transaction(body) }

    func transaction<T>(serializing subjects: [String], _ body: () throws(LedgerError) -> T) throws(LedgerError) -> T {
        try wrapped.transaction(serializing: subjects, body)
    }

    func durably<T>(_ body: () throws(LedgerError) -> T) throws(LedgerError) -> T { try wrapped.durably(body) }
}
