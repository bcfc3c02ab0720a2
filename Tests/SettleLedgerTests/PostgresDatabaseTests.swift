import Foundation
import SettleTestSupport
import Testing

@testable import SettleLedger

/// The PostgreSQL connection's round-trip savings keep a transaction's meaning: statements go
/// in order, a deferred write that fails fails its transaction, and prepared statements survive
/// a server restart.
@Suite struct PostgresDatabaseTests {
    func database(_ url: String? = nil) throws -> PostgresDatabase {
        let database = try PostgresDatabase(url: url ?? PostgresTestServer.shared.get().makeDatabase())
        try database.query("CREATE TABLE things (id BIGINT PRIMARY KEY, name TEXT NOT NULL)")
        return database
    }

    func names(_ database: PostgresDatabase) throws -> [String] {
        try database.query("SELECT name FROM things ORDER BY id").compactMap { $0.first?.text }
    }

    @Test func aDeferredWriteIsSeenByTheTransactionsNextStatementAndCommittedWithIt() throws {
        let database = try database()
        let seen = try database.transaction(serializing: ["a"]) { () throws(LedgerError) in
            try database.write([
                ("INSERT INTO things (id, name) VALUES (?, ?)", [1, "one"]), ("INSERT INTO things (id, name) VALUES (?, ?)", [2, "two"]),
            ])
            return try database.query("SELECT count(*) FROM things WHERE id > ?", [0]).first?.first?.integer
        }
        #expect(seen == 2)
        try database.transaction(serializing: ["a"]) { () throws(LedgerError) in
            try database.write([("INSERT INTO things (id, name) VALUES (?, ?)", [3, "three"])])
        }
        #expect(try names(database) == ["one", "two", "three"])
    }

    @Test func aDeferredWriteThatFailsFailsItsTransactionAndLeavesNothing() throws {
        let database = try database()
        try database.query("INSERT INTO things (id, name) VALUES (?, ?)", [1, "one"])
        #expect {
            try database.transaction(serializing: ["a"]) { () throws(LedgerError) in
                try database.write([
                    ("INSERT INTO things (id, name) VALUES (?, ?)", [2, "two"]), ("INSERT INTO things (id, name) VALUES (?, ?)", [1, "again"]),
                ])
            }
        } throws: { error in
            (error as? LedgerError)?.sqlState == "23505"
        }
        #expect(try names(database) == ["one"])
        // The connection is usable at once: the failed transaction was rolled back.
        try database.transaction { () throws(LedgerError) in _ = try database.query("SELECT ?::bigint", [1]) }
    }

    @Test func aDurableStatementOnItsOwnCountsTheRowsItChanged() throws {
        let database = try database()
        try database.query("INSERT INTO things (id, name) VALUES (?, ?)", [1, "one"])
        try database.durably { () throws(LedgerError) in _ = try database.query("UPDATE things SET name = ? WHERE id = ?", ["uno", 1]) }
        #expect(database.changes == 1)
        try database.durably { () throws(LedgerError) in _ = try database.query("UPDATE things SET name = ? WHERE id = ?", ["dos", 2]) }
        #expect(database.changes == 0)
        #expect(try names(database) == ["uno"])
    }

    /// A durable statement goes in a transaction of its own; when it fails, that transaction is
    /// rolled back, so the connection's next caller does not find it aborted.
    @Test func aFailedDurableStatementLeavesTheConnectionClean() throws {
        let database = try database()
        try database.query("INSERT INTO things (id, name) VALUES (?, ?)", [1, "one"])
        #expect(throws: LedgerError.self) {
            try database.durably { () throws(LedgerError) in try database.query("INSERT INTO things (id, name) VALUES (?, ?)", [1, "again"]) }
        }
        try database.query("INSERT INTO things (id, name) VALUES (?, ?)", [2, "two"])
        #expect(try names(database) == ["one", "two"])
    }

    @Test func aTransactionThatSentNothingIsNeverBegun() throws {
        let database = try database()
        let value = try database.transaction(serializing: ["a"]) { () throws(LedgerError) in 42 }
        #expect(value == 42)
        #expect(try database.query("SELECT count(*) FROM things", [LedgerValue]()).first?.first?.integer == 0)
    }

    /// After a restart the server has forgotten the connection's prepared statements: the new
    /// connection prepares them again.
    @Test func preparedStatementsArePreparedAgainAfterAServerRestart() throws {
        let server = try PostgresTestServer.dedicated()
        let database = try database(try server.makeDatabase())
        try database.query("INSERT INTO things (id, name) VALUES (?, ?)", [1, "one"])
        try server.stop()
        try server.start()
        try database.query("INSERT INTO things (id, name) VALUES (?, ?)", [2, "two"])
        try database.transaction(serializing: ["a"]) { () throws(LedgerError) in
            try database.write([("INSERT INTO things (id, name) VALUES (?, ?)", [3, "three"])])
        }
        #expect(try names(database) == ["one", "two", "three"])
    }
}
