import CPostgres
import Foundation

/// One libpq connection with the operations the ledger needs. Not thread-safe: the ledger holds
/// it behind a lock. Statements keep the shared `?` placeholders and become `$1…` here.
final class PostgresDatabase: LedgerDatabase {
    private var connection: OpaquePointer?
    private let conninfo: String
    /// Where the ledger is, the password left out, for messages.
    let displayName: String
    private(set) var changes = 0
    /// Between BEGIN and COMMIT or ROLLBACK.
    private var inTransaction = false
    /// Inside `durably` (nested calls count).
    private var durableDepth = 0
    /// Statements rewritten to `$n` placeholders, by their text.
    private var rewritten: [String: String] = [:]

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
        // The URL's own settings win; an unreachable server fails within 10 s unless it says otherwise.
        let keywords = ["connect_timeout", "dbname"], values = ["10", conninfo]
        connection = Self.withCStrings(keywords) { keys in
            Self.withCStrings(values) { values in PQconnectdbParams(keys, values, 1) }
        }
        guard let connection, PQstatus(connection) == CONNECTION_OK else {
            let reason = connection.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            PQfinish(connection)
            self.connection = nil
            throw LedgerError("cannot connect to the ledger at \(displayName): \(Self.firstLine(reason))")
        }
        // Notices ("relation already exists, skipping") are not the service's to print.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        // A stuck lock, statement or transaction cannot hold up the other replicas for long; bytea
        // comes back as hex, which `rows(of:)` reads. As the SQLite ledger does, commits are not
        // waited on to reach the disk except inside `durably` (whose flush takes every earlier
        // commit with it); a connection made inside `durably` is durable from its start.
        for setting in [
            "lock_timeout = '10s'", "statement_timeout = '30s'", "idle_in_transaction_session_timeout = '60s'", "bytea_output = 'hex'",
            "synchronous_commit = \(durableDepth > 0 ? "on" : "off")",
        ] {
            do {
                try run("SET " + setting, [])
            } catch {
                PQfinish(connection)
                self.connection = nil
                throw error
            }
        }
    }

    /// Reconnects when the server closed the connection (a restart): the caller's next call
    /// succeeds once PostgreSQL is back, without restarting the service.
    private func ensureConnected() throws(LedgerError) {
        if let connection, PQstatus(connection) == CONNECTION_OK { return }
        try connect()
    }

    @discardableResult
    func query(_ sql: String, _ values: [LedgerValue]) throws(LedgerError) -> [[LedgerValue]] {
        try reconnecting { () throws(LedgerError) in try run(sql, values) }
    }

    /// Runs `step`, and once more on a new connection when the server closed the old one (a
    /// restart): a statement the server never finished did nothing, and the ledger's single
    /// statements may be repeated (an UPDATE to the same values; a state change guarded by the
    /// state it expects, which a repeat finds changed and so refuses, sending nothing).
    /// Inside a transaction nothing is repeated: the transaction died with its connection.
    private func reconnecting<T>(_ step: () throws(LedgerError) -> T) throws(LedgerError) -> T {
        guard !inTransaction else { return try step() }
        try ensureConnected()
        do {
            return try step()
        } catch {
            guard let connection, PQstatus(connection) != CONNECTION_OK else { throw error }
            try connect()
            return try step()
        }
    }

    private func run(_ sql: String, _ values: [LedgerValue]) throws(LedgerError) -> [[LedgerValue]] {
        guard let connection else { throw LedgerError("the ledger at \(displayName) is not connected") }
        let text = statement(sql)
        // Text parameters, except bytea, sent binary (no escaping); results as text.
        var types: [Oid] = [], formats: [Int32] = [], lengths: [Int32] = []
        var buffers: [[CChar]?] = []
        for value in values {
            switch value {
            case .null:
                (types, formats, lengths) = (types + [0], formats + [0], lengths + [0])
                buffers.append(nil)
            case .integer(let number):
                (types, formats, lengths) = (types + [20], formats + [0], lengths + [0])
                buffers.append(Array(String(number).utf8CString))
            case .text(let string):
                (types, formats, lengths) = (types + [25], formats + [0], lengths + [0])
                buffers.append(Array(string.utf8CString))
            case .blob(let bytes):
                (types, formats, lengths) = (types + [17], formats + [1], lengths + [Int32(bytes.count)])
                buffers.append(bytes.map { CChar(bitPattern: $0) } + [0])
            }
        }
        let result = Self.withPointers(buffers) { pointers in
            PQexecParams(connection, text, Int32(values.count), types, pointers, lengths, formats, 0)
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK:
            changes = Int(String(cString: PQcmdTuples(result))) ?? 0
            return []
        case PGRES_TUPLES_OK:
            changes = 0
            return Self.rows(of: result)
        default:
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
            let message = result.map { String(cString: PQresultErrorMessage($0)) } ?? String(cString: PQerrorMessage(connection))
            throw LedgerError(
                "\(sql.split(separator: " ").prefix(3).joined(separator: " "))…: \(Self.firstLine(message))", sqlState: state)
        }
    }

    /// The row values by the columns' types: integers, text, bytea (`\x` hex); NULL as `.null`.
    private static func rows(of result: OpaquePointer?) -> [[LedgerValue]] {
        let count = PQntuples(result), columns = PQnfields(result)
        var rows: [[LedgerValue]] = []
        rows.reserveCapacity(Int(count))
        for row in 0..<count {
            var values: [LedgerValue] = []
            for column in 0..<columns {
                if PQgetisnull(result, row, column) == 1 {
                    values.append(.null)
                    continue
                }
                let text = String(cString: PQgetvalue(result, row, column))
                switch PQftype(result, column) {
                case 20, 21, 23: values.append(Int64(text).map(LedgerValue.integer) ?? .null)
                case 17 where text.hasPrefix("\\x"): values.append(.blob(hexBytes(text)))
                case 17: values.append(.null)  // not hex: `connect` asks for hex, so never read wrong bytes
                default: values.append(.text(text))
                }
            }
            rows.append(values)
        }
        return rows
    }

    /// bytea's text form, `\x` and two hex digits per byte.
    private static func hexBytes(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var high: UInt8?
        for character in text.utf8.dropFirst(2) {
            guard let nibble = character.hexNibble else { continue }
            if let first = high {
                bytes.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }

    /// A C array of C strings for the duration of `body`.
    private static func withCStrings<T>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> T) -> T {
        let copies = strings.map { strdup($0) }
        defer { for copy in copies { free(copy) } }
        let pointers = copies.map { UnsafePointer($0) } + [nil]
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    private static func withPointers<T>(_ buffers: [[CChar]?], _ body: ([UnsafePointer<CChar>?]) -> T) -> T {
        var pointers: [UnsafePointer<CChar>?] = []
        func nest(_ index: Int) -> T {
            guard index < buffers.count else { return body(pointers) }
            guard let buffer = buffers[index] else {
                pointers.append(nil)
                return nest(index + 1)
            }
            return buffer.withUnsafeBufferPointer { pointer in
                pointers.append(pointer.baseAddress)
                return nest(index + 1)
            }
        }
        return nest(0)
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
        rewritten[sql] = text
        return text
    }

    /// One transaction at a time across every replica: a transaction-scoped advisory lock, taken
    /// first, serializes the ledger's writers as SQLite's `BEGIN IMMEDIATE` does, so admission's
    /// check and insert cannot interleave with another replica's.
    func transaction<T>(_ body: () throws(LedgerError) -> T) throws(LedgerError) -> T {
        try reconnecting { () throws(LedgerError) in _ = try run("BEGIN", []) }
        inTransaction = true
        defer { inTransaction = false }
        do {
            try run("SELECT pg_advisory_xact_lock(\(Self.writerLock))", [])
            let result = try body()
            try run("COMMIT", [])
            return result
        } catch {
            _ = try? run("ROLLBACK", [])
            throw error
        }
    }

    /// Runs `body` with commits that wait for the disk (`synchronous_commit` on): when it returns,
    /// its writes and every commit before them are durable (the WAL is flushed in order). A
    /// reconnection inside it starts the new connection durable too (see `connect`).
    func durably<T>(_ body: () throws(LedgerError) -> T) throws(LedgerError) -> T {
        durableDepth += 1
        defer {
            durableDepth -= 1
            if durableDepth == 0 { _ = try? run("SET synchronous_commit = off", []) }
        }
        try reconnecting { () throws(LedgerError) in _ = try run("SET synchronous_commit = on", []) }
        return try body()
    }

    /// The advisory lock key of the ledger's writers ("tsysledg" as a number).
    static let writerLock: Int64 = 0x7473_7973_6c65_6467

    private static func firstLine(_ message: String) -> String {
        message.split(separator: "\n").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? message
    }
}

extension UInt8 {
    fileprivate var hexNibble: UInt8? {
        switch self {
        case 48...57: self - 48
        case 97...102: self - 87
        case 65...70: self - 55
        default: nil
        }
    }
}
