/// The ledger could not read or write its database (a full disk, a locked or damaged file, a
/// database server gone away). Settling stops rather than sending a batch that is not on record.
public struct LedgerError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// PostgreSQL's SQLSTATE for the failure, when the server gave one (`23505` a unique key).
    public var sqlState: String?
    /// The caller asked for something the ledger cannot read (a list cursor it did not issue),
    /// rather than the database failing.
    public var isInvalidQuery: Bool

    public init(_ message: String, sqlState: String? = nil, isInvalidQuery: Bool = false) {
        self.message = message
        self.sqlState = sqlState?.isEmpty == true ? nil : sqlState
        self.isInvalidQuery = isInvalidQuery
    }

    public var description: String { "settlement ledger: \(message)" }
}
