import Foundation

/// The ledger in PostgreSQL, which several replicas share. Each process opens up to
/// `connections` connections; the writing transactions of every replica are serialized by an
/// advisory lock (see ``PostgresDatabase/transaction(_:)``), and the unique index on idempotency
/// keys backs it up. Each serving replica holds a lease (``ReplicaLease``).
public final class PostgresLedger: DatabaseLedger, @unchecked Sendable {
    /// The URL with its password redacted.
    public let displayName: String
    /// The URL as given (it may hold the password: never shown).
    let url: String

    /// How long an entry with no owner (admitted before leases, or copied from SQLite) may stay
    /// `received` or `transmitting` before recovery takes it as interrupted: longer than any
    /// settlement lasts (the link's timers end one well within it). Owned entries follow their
    /// owner's lease instead.
    public static let unownedTimeLimit: Duration = .seconds(15 * 60)

    /// Replicas come and go, so every recovery (at start-up too) follows the leases.
    override func recoveryRule(_ now: Date, startingUp: Bool) -> RecoveryRule {
        .leases(
            unownedBefore: now.addingTimeInterval(-Self.unownedTimeLimit.seconds),
            staleBefore: now.addingTimeInterval(-Self.staleAdmissionLimit.seconds))
    }

    override public var isShared: Bool { true }

    /// Every row of the ledger as text, stored answers decoded: what a dump of the database shows,
    /// for checks that no full card number is kept.
    package func storedText() throws(LedgerError) -> String {
        try locked { (database) throws(LedgerError) in
            try database.query(
                "SELECT concat_ws(' ', s::text, convert_from(s.answer_body, 'UTF8')) FROM settlements s UNION ALL SELECT r::text FROM settlement_records r"
            ).compactMap { $0.first?.text }.joined(separator: "\n")
        }
    }

    /// `url` as people may see it, its password replaced.
    public static func redacted(url: String) -> String { PostgresURL.redacted(url) }

    /// Whether `text` is a PostgreSQL URL.
    public static func isPostgresURL(_ text: String) -> Bool { PostgresURL.isPostgres(text) }

    /// Connects to `url` (`postgresql://…`) and brings its schema up to date; more connections,
    /// up to `connections`, are opened as settlements run side by side.
    public init(url: String, policy: LedgerPolicy = LedgerPolicy(), connections: Int = 8) throws(LedgerError) {
        let database = try PostgresDatabase(url: url)
        try PostgresSchema.migrate(database)
        displayName = database.displayName
        self.url = url
        let pool = LedgerConnections(first: database, limit: connections) { () throws(LedgerError) in try PostgresDatabase(url: url) }
        super.init(connections: pool, location: database.displayName, policy: policy)
    }
}
