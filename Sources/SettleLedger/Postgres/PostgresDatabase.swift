import CPostgres
import Foundation

/// One libpq connection with the operations the ledger needs. Not thread-safe: the ledger lends
/// it to one caller at a time. Statements keep the shared `?` placeholders and become `$1…` here;
/// each is prepared (parsed and planned) once per connection, and statements that do not wait on
/// one another's answers go in one round trip (libpq's pipeline mode).
final class PostgresDatabase: LedgerDatabase {
    private(set) var connection: OpaquePointer?
    private let conninfo: String
    /// Where the ledger is, the password left out, for messages.
    let displayName: String
    var changes = 0
    /// Between BEGIN and COMMIT or ROLLBACK.
    private var inTransaction = false
    /// A transaction's BEGIN and locks, not sent yet: they go with its first statement.
    private var pendingBegin: [String]?
    /// A transaction's writes not sent yet (see `write`): they go with its next statement or COMMIT.
    private var deferredWrites: [(String, [LedgerValue])] = []
    /// Inside `durably` (nested calls count).
    private var durableDepth = 0
    /// Statements rewritten to `$n` placeholders, by their text.
    private var rewritten: [String: String] = [:]
    /// Statements prepared on this connection, by their text: a name.
    private var prepared: [String: String] = [:]
    /// The most statements prepared per connection; the ledger's fixed statements are a few
    /// dozen, and a text beyond (a rare shape of listing) runs unprepared.
    private static let preparedLimit = 200

    /// Connects to `url` (`postgresql://user@host:port/database?…`). The password comes from the
    /// URL, `PGPASSWORD` or a `.pgpass` file, as libpq reads them; it never appears in a message.
    init(url: String) throws(LedgerError) {
        conninfo = url
        displayName = PostgresURL.redacted(url)
        // libpq's own parse errors can quote the URL, password and all: check it here, and say only where.
        var parseError: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(url, &parseError) else {
            PQfreemem(parseError)
            throw LedgerError("the ledger URL \(displayName) is not a valid PostgreSQL URL")
        }
        PQconninfoFree(options)
        try connect()
    }

    deinit { PQfinish(connection) }

    private func connect() throws(LedgerError) {
        PQfinish(connection)
        prepared = [:]  // they were the old connection's
        // The URL's own settings win; an unreachable server fails within 10 s unless it says otherwise.
        let keywords = ["connect_timeout", "dbname"], values = ["10", conninfo]
        connection = Self.withCStrings(keywords) { keys in
            Self.withCStrings(values) { values in PQconnectdbParams(keys, values, 1) }
        }
        guard let connection, PQstatus(connection) == CONNECTION_OK else {
            let reason = connection.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            PQfinish(connection)
            self.connection = nil
            throw LedgerError("cannot connect to the ledger at \(displayName): \(PostgresResult.firstLine(reason))")
        }
        // Notices ("relation already exists, skipping") are not the service's to print.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        // A stuck lock, statement or transaction cannot hold up the other replicas for long; bytea
        // comes back as hex, which `PostgresResult` reads. As the SQLite ledger does, commits do
        // not wait for the disk except inside `durably` (whose flush takes every earlier commit
        // with it).
        let settings = [
            "lock_timeout = '10s'", "statement_timeout = '30s'", "idle_in_transaction_session_timeout = '60s'", "bytea_output = 'hex'",
            "synchronous_commit = off",
        ]
        do {
            try execute(settings.map { "SET " + $0 }.joined(separator: "; "), [])
        } catch {
            PQfinish(connection)
            self.connection = nil
            throw error
        }
    }

    /// Runs `step`, and once more on a new connection when the server closed the old one (a
    /// restart): a statement the server never finished did nothing, and the ledger's single
    /// statements may be repeated (an UPDATE to the same values; a state change guarded by the
    /// state it expects, which a repeat finds changed and so refuses, sending nothing). Inside a
    /// transaction that has begun nothing is repeated: the transaction died with its connection.
    private func reconnecting<T>(_ step: () throws(LedgerError) -> T) throws(LedgerError) -> T {
        guard !inTransaction else { return try step() }
        return try retryingOnNewConnection(step)
    }

    private func retryingOnNewConnection<T>(_ step: () throws(LedgerError) -> T) throws(LedgerError) -> T {
        if connection == nil || PQstatus(connection) != CONNECTION_OK { try connect() }
        do {
            return try step()
        } catch {
            guard let connection, PQstatus(connection) != CONNECTION_OK else { throw error }
            try connect()
            return try step()
        }
    }

    @discardableResult
    func query(_ sql: String, _ values: [LedgerValue]) throws(LedgerError) -> [[LedgerValue]] {
        guard pendingBegin == nil && deferredWrites.isEmpty else { return try queries([(sql, values)]).last ?? [] }
        guard durableDepth > 0 && !inTransaction else { return try reconnecting { () throws(LedgerError) in try execute(sql, values) } }
        // A durable statement on its own: a transaction of its own that waits for the disk, in
        // one round trip (marking an entry transmitting, just before the link opens).
        let statements: [(String, [LedgerValue])] = [("BEGIN", []), ("SET LOCAL synchronous_commit = on", []), (sql, values), ("COMMIT", [])]
        var changed = 0
        let rows = try reconnecting { () throws(LedgerError) in
            try rollingBackOnFailure { () throws(LedgerError) in
                let rows = try pipeline(statements) { index in if index == 2 { changed = changes } }
                return rows[2]
            }
        }
        changes = changed
        return rows
    }

    /// Runs `step`, which begins and commits a transaction of its own; if it fails between the
    /// two (a pipeline stops at its first failure, leaving the transaction open and aborted),
    /// rolls back, so the connection is lent out clean.
    private func rollingBackOnFailure<T>(_ step: () throws(LedgerError) -> T) throws(LedgerError) -> T {
        do {
            return try step()
        } catch {
            if let connection, PQstatus(connection) == CONNECTION_OK, PQtransactionStatus(connection) != PQTRANS_IDLE {
                _ = try? execute("ROLLBACK", [])
            }
            throw error
        }
    }

    /// Runs `statements` in order, in one round trip; the rows of each. A transaction's BEGIN,
    /// locks and deferred writes, still pending, go first in the same round trip.
    @discardableResult
    func queries(_ statements: [(String, [LedgerValue])]) throws(LedgerError) -> [[[LedgerValue]]] {
        let begin = pendingBegin ?? []
        let pending = begin.map { ($0, [LedgerValue]()) } + deferredWrites
        guard !pending.isEmpty else { return try reconnecting { () throws(LedgerError) in try pipeline(statements) } }
        // From here the transaction has begun (to be committed or rolled back), or never reached
        // the server, in which case it is begun again on a new connection.
        pendingBegin = nil
        deferredWrites = []
        let rows =
            begin.isEmpty
            ? try pipeline(pending + statements)
            : try retryingOnNewConnection { () throws(LedgerError) in try pipeline(pending + statements) }
        return Array(rows.dropFirst(pending.count))
    }

    /// Writes whose results nobody reads: inside a transaction they wait and go with its next
    /// statement or its COMMIT, in that round trip (a failure then fails the transaction as it
    /// would have anyway); outside one they run now.
    func write(_ statements: [(String, [LedgerValue])]) throws(LedgerError) {
        guard inTransaction else {
            try queries(statements)
            return
        }
        deferredWrites += statements
    }

    /// One statement, on its own round trip. Without values it goes by the simple protocol, so
    /// one string may hold several statements.
    private func execute(_ sql: String, _ values: [LedgerValue]) throws(LedgerError) -> [[LedgerValue]] {
        guard let connection else { throw LedgerError("the ledger at \(displayName) is not connected") }
        let parameters = PostgresParameters(values)
        let name = values.isEmpty ? nil : try preparedName(sql, parameters, connection)
        let result =
            values.isEmpty
            ? PQexec(connection, sql)
            : parameters.withValues { pointers in
                if let name {
                    PQexecPrepared(connection, name, parameters.count, pointers, parameters.lengths, parameters.formats, 0)
                } else {
                    PQexecParams(
                        connection, statement(sql), parameters.count, parameters.types, pointers, parameters.lengths, parameters.formats, 0)
                }
            }
        defer { PQclear(result) }
        return try rows(of: result, connection, statement: sql)
    }

    /// `statements` sent together (libpq's pipeline mode) and their results read in order: one
    /// round trip. After a failure the server skips the rest (up to the sync), and the first
    /// failure is thrown.
    private func pipeline(
        _ statements: [(String, [LedgerValue])], afterEach: (Int) -> Void = { _ in }
    ) throws(LedgerError) -> [[[LedgerValue]]] {
        guard let connection else { throw LedgerError("the ledger at \(displayName) is not connected") }
        if statements.count == 1 { return [try execute(statements[0].0, statements[0].1)] }
        // Prepared first: preparing waits for its answer, which pipeline mode does not allow.
        var names: [String?] = []
        for (sql, values) in statements {
            names.append(values.isEmpty ? nil : try preparedName(sql, PostgresParameters(values), connection))
        }
        guard PQenterPipelineMode(connection) == 1 else { throw PostgresResult.error(nil, connection, statement: "pipeline") }
        for ((sql, values), name) in zip(statements, names) {
            let parameters = PostgresParameters(values)
            let sent = parameters.withValues { pointers in
                if let name {
                    PQsendQueryPrepared(connection, name, parameters.count, pointers, parameters.lengths, parameters.formats, 0)
                } else {
                    // Without values there is nothing to number (and a lock statement's text is
                    // new each time: it is not kept).
                    PQsendQueryParams(
                        connection, values.isEmpty ? sql : statement(sql), parameters.count, parameters.types, pointers, parameters.lengths,
                        parameters.formats, 0)
                }
            }
            guard sent == 1 else { break }
        }
        PQpipelineSync(connection)
        // Each statement's result is followed by a null; the sync's ends the round. Two nulls in
        // a row mean the connection broke.
        var results: [OpaquePointer] = []
        var previousWasNull = false
        while true {
            guard let result = PQgetResult(connection) else {
                if previousWasNull { break }
                previousWasNull = true
                continue
            }
            previousWasNull = false
            if PQresultStatus(result) == PGRES_PIPELINE_SYNC {
                PQclear(result)
                break
            }
            results.append(result)
        }
        defer { results.forEach { PQclear($0) } }
        if PQexitPipelineMode(connection) != 1 {
            // Results are still owed (the connection broke mid-round): it cannot be trusted again.
            PQfinish(connection)
            self.connection = nil
            throw LedgerError("the connection to the ledger at \(displayName) was lost mid-statement")
        }
        var rows: [[[LedgerValue]]] = []
        for (index, (sql, _)) in statements.enumerated() {
            guard index < results.count else { throw PostgresResult.error(nil, connection, statement: sql) }
            rows.append(try self.rows(of: results[index], connection, statement: sql))
            afterEach(index)
        }
        return rows
    }

    /// A result's rows (none for a command, whose changed-row count becomes `changes`), or its error.
    private func rows(of result: OpaquePointer?, _ connection: OpaquePointer, statement sql: String) throws(LedgerError) -> [[LedgerValue]] {
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK:
            changes = Int(String(cString: PQcmdTuples(result))) ?? 0
            return []
        case PGRES_TUPLES_OK:
            changes = 0
            return PostgresResult.rows(of: result)
        default:
            throw PostgresResult.error(result, connection, statement: sql)
        }
    }

    /// The name `sql` is prepared under on this connection, preparing it on first use (with the
    /// parameter types of that use; a NULL's type the server infers), or nil past the limit.
    private func preparedName(_ sql: String, _ parameters: PostgresParameters, _ connection: OpaquePointer) throws(LedgerError) -> String? {
        if let name = prepared[sql] { return name }
        guard prepared.count < Self.preparedLimit else { return nil }
        let name = "ledger_\(prepared.count + 1)"
        let result = PQprepare(connection, name, statement(sql), parameters.count, parameters.types)
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COMMAND_OK else { throw PostgresResult.error(result, connection, statement: sql) }
        prepared[sql] = name
        return name
    }

    /// `?` placeholders numbered `$1`, `$2`, … (the ledger's statements hold no `?` in literals).
    private func statement(_ sql: String) -> String {
        if let done = rewritten[sql] { return done }
        var text = "", number = 0
        for character in sql {
            if character == "?" {
                number += 1
                text += "$\(number)"
            } else {
                text.append(character)
            }
        }
        if rewritten.count < Self.preparedLimit { rewritten[sql] = text }
        return text
    }

    // MARK: Transactions

    /// One transaction at a time across every replica: a transaction-scoped advisory lock, taken
    /// first, serializes the ledger's writers as SQLite's `BEGIN IMMEDIATE` does.
    func transaction<T>(_ body: () throws(LedgerError) -> T) throws(LedgerError) -> T {
        try transaction(locks: [Self.writerLock], body)
    }

    /// A transaction serialized, across every replica, with those naming one of `subjects`: a
    /// transaction-scoped advisory lock per subject, taken first, in one order (by number) so two
    /// transactions can never wait on each other. Admission names its idempotency key and its
    /// merchant and terminal, so settlements of different batches are admitted side by side
    /// while the check and insert of one batch cannot interleave with another replica's.
    func transaction<T>(serializing subjects: [String], _ body: () throws(LedgerError) -> T) throws(LedgerError) -> T {
        try transaction(locks: Array(Set(subjects.map(Self.lockNumber))).sorted(), sharingWriterLock: true, body)
    }

    /// The BEGIN and the locks wait for the transaction's first statement and go in its round
    /// trip (the locks are taken before that statement reads anything: each statement of a
    /// transaction at PostgreSQL's default isolation reads what was committed when it began).
    /// Outside `durably` the commit does not wait for the disk: admission's write becomes durable
    /// with the marking that follows it before anything is sent, which flushes the WAL up to itself.
    ///
    /// `sharingWriterLock`: the whole ledger's lock is taken first in shared mode, so transactions
    /// naming subjects run beside one another but never beside one that takes the whole ledger
    /// (recovery, resolution, a migration, or admission by a build from before subject locks,
    /// during a rolling upgrade). The writer lock always comes first: no two can wait on each other.
    private func transaction<T>(
        locks: [Int64], sharingWriterLock: Bool = false, _ body: () throws(LedgerError) -> T
    ) throws(LedgerError) -> T {
        guard !inTransaction else { throw LedgerError("a ledger transaction cannot be begun inside another") }
        // The numbers are ours, so they may be written into the statement.
        let acquisitions =
            (sharingWriterLock ? ["pg_advisory_xact_lock_shared(\(Self.writerLock))"] : []) + locks.map { "pg_advisory_xact_lock(\($0))" }
        pendingBegin =
            ["BEGIN"] + (durableDepth > 0 ? ["SET LOCAL synchronous_commit = on"] : []) + ["SELECT " + acquisitions.joined(separator: ", ")]
        inTransaction = true
        defer {
            inTransaction = false
            pendingBegin = nil
            deferredWrites = []
        }
        do {
            let result = try body()
            // Nothing sent and nothing to write: there is nothing to commit.
            if pendingBegin == nil || !deferredWrites.isEmpty { try queries([("COMMIT", [])]) }
            return result
        } catch {
            if pendingBegin == nil { _ = try? execute("ROLLBACK", []) }
            throw error
        }
    }

    /// Runs `body` with commits that wait for the disk: when it returns, its writes and every
    /// commit before them are durable (the WAL is flushed in order). Its transactions and single
    /// statements set `synchronous_commit` for themselves (see `transaction` and `query`), so a
    /// connection made meanwhile needs nothing more.
    func durably<T>(_ body: () throws(LedgerError) -> T) throws(LedgerError) -> T {
        durableDepth += 1
        defer { durableDepth -= 1 }
        return try body()
    }

    /// The advisory lock key of the ledger's writers ("tsysledg" as a number).
    static let writerLock: Int64 = 0x7473_7973_6c65_6467

    /// A subject's advisory lock number: FNV-1a of its UTF-8 bytes, the same in every process and
    /// version (Swift's `hashValue` is seeded per process). A collision only serializes two
    /// subjects that need not be.
    static func lockNumber(_ subject: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in subject.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }

    /// A C array of C strings for the duration of `body`.
    private static func withCStrings<T>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> T) -> T {
        let copies = strings.map { strdup($0) }
        defer { for copy in copies { free(copy) } }
        let pointers = copies.map { UnsafePointer($0) } + [nil]
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
