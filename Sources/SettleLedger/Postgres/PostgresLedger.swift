import Foundation

/// The ledger in PostgreSQL, which several replicas share. One connection per process; the
/// replicas' writing transactions are serialized by an advisory lock (see
/// ``PostgresDatabase/transaction(_:)``), and the unique index on idempotency keys backs it up.
public final class PostgresLedger: DatabaseLedger, @unchecked Sendable {
    /// The URL with its password redacted.
    public let displayName: String
    /// The URL as given (it may hold the password: never shown).
    let url: String

    /// How long an entry may stay `received` or `transmitting` before another replica takes it as
    /// interrupted: longer than any settlement lasts (the link's timers end one well within it),
    /// so recovery never touches a live replica's settlement. Replica leases will replace this
    /// wait with the owner's liveness (issue 13).
    public static let settlementTimeLimit: Duration = .seconds(15 * 60)

    override func recoveryCutoff(_ now: Date) -> Date? { now.addingTimeInterval(-Self.settlementTimeLimit.seconds) }

    override public var recoversPeriodically: Bool { true }

    /// `url` as people may see it, its password replaced.
    public static func redacted(url: String) -> String { PostgresURL.redacted(url) }

    /// Whether `text` is a PostgreSQL URL.
    public static func isPostgresURL(_ text: String) -> Bool { PostgresURL.isPostgres(text) }

    /// Connects to `url` (`postgresql://…`) and brings its schema up to date.
    public init(url: String, policy: LedgerPolicy = LedgerPolicy()) throws(LedgerError) {
        let database = try PostgresDatabase(url: url)
        try PostgresSchema.migrate(database)
        displayName = database.displayName
        self.url = url
        super.init(database: database, location: database.displayName, policy: policy)
    }
}
