import CSQLite

/// One SQLite connection with the few operations the ledger needs. Not thread-safe: the
/// ledger holds it behind a lock; other processes are kept out by SQLite's own file locks.
final class SQLiteDatabase: LedgerDatabase {
    private let handle: OpaquePointer
    /// Prepared statements by their SQL: the ledger runs the same dozen statements for every
    /// settlement, and preparing them each time was a visible share of its cost.
    private var statements: [String: OpaquePointer] = [:]

    /// Opens (creating) the database in WAL mode with full-sync commits: a state change the
    /// service acted on is on disk before it acts.
    init(path: String) throws(LedgerError) {
        var opened: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        guard sqlite3_open_v2(path, &opened, flags, nil) == SQLITE_OK, let opened else {
            let reason = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(opened)
            throw LedgerError("cannot open \(path): \(reason)")
        }
        handle = opened
        // Another replica writing: wait for its lock instead of failing at once.
        sqlite3_busy_timeout(handle, 10_000)
        try execute("PRAGMA journal_mode=WAL")
        // NORMAL by default (a commit survives a crash of this process, not a power cut); the
        // writes the service acts on are made with `durably`, which syncs everything before them too.
        try execute("PRAGMA synchronous=NORMAL")
        try execute("PRAGMA foreign_keys=ON")
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    /// Runs statements that return nothing the caller needs.
    func execute(_ sql: String) throws(LedgerError) {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else { throw failure(sql) }
    }

    /// How many rows the last INSERT, UPDATE or DELETE changed.
    var changes: Int { Int(sqlite3_changes(handle)) }

    /// At once: SQLite has no round trips to save.
    func write(_ statements: [(String, [LedgerValue])]) throws(LedgerError) {
        try queries(statements)
    }

    /// One after another: SQLite has no round trips to save.
    @discardableResult
    func queries(_ statements: [(String, [LedgerValue])]) throws(LedgerError) -> [[[LedgerValue]]] {
        var rows: [[[LedgerValue]]] = []
        for (sql, values) in statements { rows.append(try query(sql, values)) }
        return rows
    }

    /// Runs one statement with `values` bound to its `?` parameters; returns every row.
    @discardableResult
    func query(_ sql: String, _ values: [LedgerValue] = []) throws(LedgerError) -> [[LedgerValue]] {
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let result: Int32 =
                switch value {
                case .null: sqlite3_bind_null(statement, index)
                case .integer(let number): sqlite3_bind_int64(statement, index, number)
                case .text(let text): tsys_sqlite3_bind_text(statement, index, text, Int32(text.utf8.count))
                case .blob(let bytes): bytes.withUnsafeBytes { tsys_sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count)) }
                }
            guard result == SQLITE_OK else { throw failure(sql) }
        }
        var rows: [[LedgerValue]] = []
        while true {
            switch sqlite3_step(statement) {
            case SQLITE_ROW: rows.append((0..<sqlite3_column_count(statement)).map { column(statement, $0) })
            case SQLITE_DONE: return rows
            default: throw failure(sql)
            }
        }
    }

    private func prepared(_ sql: String) throws(LedgerError) -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var prepared: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &prepared, nil) == SQLITE_OK, let statement = prepared else { throw failure(sql) }
        statements[sql] = statement
        return statement
    }

    /// Runs `body` with full-sync commits: when it returns, its writes and every write before
    /// them are on disk (the WAL is one sequential file).
    func durably<T>(_ body: () throws(LedgerError) -> T) throws(LedgerError) -> T {
        try execute("PRAGMA synchronous=FULL")
        defer { try? execute("PRAGMA synchronous=NORMAL") }
        return try body()
    }

    /// Runs `body` in one transaction. `IMMEDIATE` takes the write lock first, so a check and
    /// the write that depends on it cannot interleave with another process's.
    /// SQLite has one writer at a time, whatever the subjects.
    func transaction<T>(serializing subjects: [String], _ body: () throws(LedgerError) -> T) throws(LedgerError) -> T {
        try transaction(body)
    }

    func transaction<T>(_ body: () throws(LedgerError) -> T) throws(LedgerError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    private func column(_ statement: OpaquePointer, _ index: Int32) -> LedgerValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, index))
        case SQLITE_TEXT: return .text(String(cString: sqlite3_column_text(statement, index)))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, index))
            guard count > 0, let bytes = sqlite3_column_blob(statement, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }

    private func failure(_ sql: String) -> LedgerError {
        let statement = sql.split(separator: " ").prefix(3).joined(separator: " ")
        return LedgerError("\(statement)…: \(String(cString: sqlite3_errmsg(handle)))")
    }
}
