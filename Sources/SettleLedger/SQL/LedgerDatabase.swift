/// The few operations the ledger needs from its database, so one set of rules and one set of
/// statements (`?` placeholders) serve SQLite and PostgreSQL. A connection is used by one
/// caller at a time: the ledger holds it behind a lock.
protocol LedgerDatabase: AnyObject {
    /// Runs one statement with `values` bound to its `?` parameters; returns every row.
    @discardableResult
    func query(_ sql: String, _ values: [LedgerValue]) throws(LedgerError) -> [[LedgerValue]]
    /// Runs `statements` in order, where the database can in one round trip (none waits on
    /// another's answer); the rows of each. The first failure is thrown.
    @discardableResult
    func queries(_ statements: [(String, [LedgerValue])]) throws(LedgerError) -> [[[LedgerValue]]]
    /// Runs `statements`, whose results nobody reads, no later than the end of the transaction
    /// they are in (PostgreSQL sends them with its COMMIT), in order with the rest; outside a
    /// transaction, now. Their failure fails the transaction.
    func write(_ statements: [(String, [LedgerValue])]) throws(LedgerError)
    /// How many rows the last INSERT, UPDATE or DELETE changed.
    var changes: Int { get }
    /// Runs `body` in one transaction that no other writer of the ledger interleaves with.
    func transaction<T>(_ body: () throws(LedgerError) -> T) throws(LedgerError) -> T
    /// Runs `body` in one transaction that no other transaction naming one of `subjects` (or
    /// taking the whole ledger) interleaves with; others run beside it where the database can.
    func transaction<T>(serializing subjects: [String], _ body: () throws(LedgerError) -> T) throws(LedgerError) -> T
    /// Runs `body` so that when it returns its writes, and every write before them, are durable.
    func durably<T>(_ body: () throws(LedgerError) -> T) throws(LedgerError) -> T
}

extension LedgerDatabase {
    @discardableResult
    func query(_ sql: String) throws(LedgerError) -> [[LedgerValue]] { try query(sql, []) }
}
