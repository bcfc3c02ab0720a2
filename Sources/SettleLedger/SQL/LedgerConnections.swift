import Foundation

/// The ledger's database connections, each lent to one caller at a time. SQLite has one (its
/// writes are serialized by the file's lock anyway); PostgreSQL opens more on demand, up to
/// `limit`, so one settlement's round trips do not wait behind another's. A connection that
/// broke stays here and reconnects when next lent (see ``PostgresDatabase``).
final class LedgerConnections: @unchecked Sendable {
    // `idle` and `opened` are used only while `condition` is locked.
    private let condition = NSCondition()
    private var idle: [any LedgerDatabase]
    private var opened: Int
    /// The most connections open at once.
    let limit: Int
    private let open: @Sendable () throws(LedgerError) -> any LedgerDatabase

    /// `first` is open already; more are made by `open` when every open one is lent.
    init(
        first: any LedgerDatabase, limit: Int = 1,
        open: @escaping @Sendable () throws(LedgerError) -> any LedgerDatabase = { () throws(LedgerError) in throw LedgerError("one connection only")
        }
    ) {
        idle = [first]
        opened = 1
        self.limit = max(limit, 1)
        self.open = open
    }

    /// Runs `body` with a connection of its own, waiting for one when all `limit` are lent.
    func with<T>(_ body: (any LedgerDatabase) throws(LedgerError) -> T) throws(LedgerError) -> T {
        let database = try lend()
        defer { giveBack(database) }
        return try body(database)
    }

    private func lend() throws(LedgerError) -> any LedgerDatabase {
        condition.lock()
        while idle.isEmpty && opened >= limit { condition.wait() }
        if let database = idle.popLast() {
            condition.unlock()
            return database
        }
        opened += 1
        condition.unlock()
        do {
            return try open()
        } catch {
            condition.lock()
            opened -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    private func giveBack(_ database: any LedgerDatabase) {
        condition.lock()
        idle.append(database)
        condition.signal()
        condition.unlock()
    }
}
