import Foundation
import SettleModel
import SettleTestSupport
import Synchronization
import Testing

@testable import SettleLedger

/// The ledger on both databases, a real SQLite file and a real PostgreSQL server the tests start:
/// what it records, idempotency keys, the batch-number guard, recovery after a crash, and
/// replicas sharing one ledger.
@Suite struct LedgerTests {
    static let start = Date(timeIntervalSince1970: 1_795_000_000)
    static let today = LocalDate(year: 2026, month: 11, day: 26)
    /// Past the time a shared ledger gives a settlement with no owner before recovering it.
    static let later = start.addingTimeInterval(PostgresLedger.unownedTimeLimit.seconds + 60)

    static func submission(key: String? = nil, fingerprint: String = "f1", batch: Int = 7, date: LocalDate = today) -> LedgerSubmission {
        LedgerSubmission(
            idempotencyKey: key, fingerprint: LedgerFingerprint.current(fingerprint), merchantNumber: "888000002200", terminalNumber: "1515",
            batchNumber: batch,
            batchDate: date, industry: "retail", recordCount: 2, netDeposit: 6200, hashingTotal: 8798, cashBackTotal: 2000,
            environment: "simulator",
            records: [
                LedgerRecordLine(index: 0, maskedCardNumber: "411111******1111", amount: 2500, transactionCode: "54"),
                LedgerRecordLine(index: 1, maskedCardNumber: "555555******4444", amount: 4999, transactionCode: "54"),
            ])
    }

    static func outcome(_ state: SettlementState, status: Int = 200) -> LedgerOutcome {
        LedgerOutcome(state: state, responseCode: state == .accepted ? "GB" : nil, answer: LedgerAnswer(status: status, body: Array("{}".utf8)))
    }

    func admitted(_ admission: LedgerAdmission) throws -> LedgerEntry {
        guard case .admitted(let entry) = admission else { throw LedgerError("expected admission, got \(admission)") }
        return entry
    }

    @Test(arguments: LedgerBackend.allCases)
    func aSubmissionIsRecordedWholeBeforeAnythingElse(backend: LedgerBackend) throws {
        let ledger = try backend.ledger()
        let entry = try admitted(try ledger.admit(Self.submission(key: "k1"), at: Self.start))
        #expect(entry.state == .received)
        #expect(entry.outcome == nil)
        #expect(entry.submission == Self.submission(key: "k1"))
        #expect(entry.createdAt == Self.start)
        try ledger.markTransmitting(entry.id, at: Self.start)
        #expect(try ledger.entry(entry.id)?.state == .transmitting)
        try ledger.complete(entry.id, with: Self.outcome(.accepted), at: Self.start.addingTimeInterval(1))
        let done = try #require(try ledger.entry(entry.id))
        #expect(done.state == .accepted)
        #expect(done.outcome?.responseCode == "GB")
        #expect(done.outcome?.answer == LedgerAnswer(status: 200, body: Array("{}".utf8)))
        // On disk: a second connection (another process, after a restart) reads the same.
        let reopened = try backend.reopen(ledger)
        #expect(try reopened.entry(entry.id) == done)
    }

    @Test(arguments: LedgerBackend.allCases)
    func theSameKeyReplaysConflictsOrRefusesAnotherRequest(backend: LedgerBackend) throws {
        let ledger = try backend.ledger()
        let first = try admitted(try ledger.admit(Self.submission(key: "k1"), at: Self.start))
        guard case .inFlight(let busy) = try ledger.admit(Self.submission(key: "k1"), at: Self.start) else { throw LedgerError("not in flight") }
        #expect(busy.id == first.id)
        try ledger.complete(first.id, with: Self.outcome(.accepted), at: Self.start)
        guard case .replay(let replayed) = try ledger.admit(Self.submission(key: "k1"), at: Self.start) else { throw LedgerError("no replay") }
        #expect(replayed.outcome?.answer.status == 200)
        guard case .keyReused = try ledger.admit(Self.submission(key: "k1", fingerprint: "f2", batch: 8), at: Self.start) else {
            throw LedgerError("a different request under the same key was not refused")
        }
    }

    /// A fingerprint a ledger recorded before fingerprints were versioned cannot be compared
    /// with today's: the same key is then taken as the same request, never as a reuse (which a
    /// client could read as a rejection and send again under a new key).
    @Test(arguments: LedgerBackend.allCases)
    func aKeyWhoseFingerprintPredatesVersionsReplaysRatherThanRefuses(backend: LedgerBackend) throws {
        let ledger = try backend.ledger()
        var legacy = Self.submission(key: "old-key")
        legacy.fingerprint = "0123abcd"
        let first = try admitted(try ledger.admit(legacy, at: Self.start))
        try ledger.complete(first.id, with: Self.outcome(.accepted), at: Self.start)
        guard case .replay(let replayed) = try ledger.admit(Self.submission(key: "old-key", fingerprint: "other"), at: Self.start) else {
            throw LedgerError("a retry under a key with an unversioned fingerprint was not replayed")
        }
        #expect(replayed.id == first.id)
    }

    /// The same request under a key kept before keys were scoped (an upgraded or copied ledger)
    /// replays and is never sent again; a key in another client's scope is never matched.
    @Test(arguments: LedgerBackend.allCases)
    func theSameRequestUnderAnotherScopeReplays(backend: LedgerBackend) throws {
        let ledger = try backend.ledger()
        let before = try admitted(try ledger.admit(Self.submission(key: "order-9"), at: Self.start))
        try ledger.complete(before.id, with: Self.outcome(.accepted), at: Self.start)
        var retry = Self.submission(key: "k:0123456789abcdef/order-9")
        retry.unscopedIdempotencyKey = "order-9"
        guard case .replay(let replayed) = try ledger.admit(retry, at: Self.start) else { throw LedgerError("the unscoped key was not found") }
        #expect(replayed.id == before.id)
        _ = try admitted(try ledger.admit(Self.submission(key: "k:aaaaaaaaaaaaaaaa/order-10", batch: 10), at: Self.start))
        var otherClient = Self.submission(key: "k:cccccccccccccccc/order-10", batch: 11)
        otherClient.unscopedIdempotencyKey = "order-10"
        _ = try admitted(try ledger.admit(otherClient, at: Self.start))
    }

    /// Nothing is sent for an entry another process has recovered (marked failed) meanwhile.
    @Test(arguments: LedgerBackend.allCases)
    func anEntryNoLongerReceivedCannotBeMarkedTransmitting(backend: LedgerBackend) throws {
        let ledger = try backend.ledger()
        let entry = try admitted(try ledger.admit(Self.submission(key: "recovered"), at: Self.start))
        #expect(try backend.reopen(ledger).recoverInterrupted(at: Self.later).map(\.id) == [entry.id])
        #expect(throws: LedgerError.self) { try ledger.markTransmitting(entry.id, at: Self.start) }
        #expect(try ledger.entry(entry.id)?.state == .failed)
    }

    @Test(arguments: LedgerBackend.allCases)
    func keysAreForgottenAfterTheirRetention(backend: LedgerBackend) throws {
        let ledger = try backend.ledger(LedgerPolicy(keyRetention: .seconds(3600)))
        let first = try admitted(try ledger.admit(Self.submission(key: "k1"), at: Self.start))
        try ledger.complete(first.id, with: Self.outcome(.rejected, status: 422), at: Self.start)
        let later = try admitted(try ledger.admit(Self.submission(key: "k1", fingerprint: "f2"), at: Self.start.addingTimeInterval(3601)))
        #expect(later.id != first.id)
        #expect(try ledger.entry(first.id)?.submission.idempotencyKey == nil)
    }

    @Test(arguments: LedgerBackend.allCases)
    func anAcceptedBatchNumberIsGuardedForFiveDays(backend: LedgerBackend) throws {
        let ledger = try backend.ledger()
        let first = try admitted(try ledger.admit(Self.submission(key: "a"), at: Self.start))
        try ledger.complete(first.id, with: Self.outcome(.accepted), at: Self.start)
        for offset in 0...4 {
            let date = Self.today.adding(days: offset)
            guard case .alreadyAccepted(let earlier) = try ledger.admit(Self.submission(key: "b\(offset)", date: date), at: Self.start) else {
                throw LedgerError("day \(offset) was not guarded")
            }
            #expect(earlier.id == first.id)
        }
        _ = try admitted(try ledger.admit(Self.submission(key: "c", date: Self.today.adding(days: 5)), at: Self.start))
        _ = try admitted(try ledger.admit(Self.submission(key: "d", batch: 8), at: Self.start))
        // Another host (the live one after testing) keeps its own window.
        var live = Self.submission(key: "e")
        live.environment = "live"
        _ = try admitted(try ledger.admit(live, at: Self.start))
    }

    @Test(arguments: LedgerBackend.allCases, [(SettlementState.rejected, true), (.failed, true), (.duplicate, true), (.inDoubt, false)])
    func afterAnEndingTheSameNumberMayOrMayNotBeSentAgain(backend: LedgerBackend, _ ending: (SettlementState, Bool)) throws {
        let (state, allowed) = ending
        let ledger = try backend.ledger()
        let first = try admitted(try ledger.admit(Self.submission(key: "a"), at: Self.start))
        try ledger.complete(first.id, with: Self.outcome(state, status: 502), at: Self.start)
        let again = try ledger.admit(Self.submission(key: "b"), at: Self.start)
        if allowed {
            _ = try admitted(again)
        } else {
            guard case .unresolvedInDoubt(let earlier) = again else { throw LedgerError("in doubt did not block: \(again)") }
            #expect(earlier.id == first.id)
        }
    }

    @Test(arguments: LedgerBackend.allCases)
    func aCrashLeavesTransmittingInDoubtAndReceivedFailed(backend: LedgerBackend) throws {
        let ledger = try backend.ledger()
        let sending = try admitted(try ledger.admit(Self.submission(key: "a"), at: Self.start))
        try ledger.markTransmitting(sending.id, at: Self.start)
        let waiting = try admitted(try ledger.admit(Self.submission(key: "b", batch: 8), at: Self.start))
        let reopened = try backend.reopen(ledger)
        let changed = try reopened.recoverInterrupted(at: Self.later)
        #expect(Set(changed.map(\.id)) == [sending.id, waiting.id])
        #expect(try reopened.entry(sending.id)?.state == .inDoubt)
        #expect(try reopened.entry(waiting.id)?.state == .failed)
        #expect(try reopened.recoverInterrupted(at: Self.start).isEmpty)
    }

    /// On a shared ledger a replica's recovery leaves alone an entry with no owner (admitted
    /// before leases) that is younger than any settlement lasts. A single process's SQLite ledger
    /// recovers everything at start, as before.
    @Test(arguments: LedgerBackend.allCases)
    func recoveryLeavesAnUnownedRecentSettlementAlone(backend: LedgerBackend) throws {
        let ledger = try backend.ledger()
        let sending = try admitted(try ledger.admit(Self.submission(key: "live"), at: Self.start))
        try ledger.markTransmitting(sending.id, at: Self.start)
        let other = try backend.reopen(ledger)
        let early = try other.recoverInterrupted(at: Self.start.addingTimeInterval(60))
        if backend == .postgres {
            #expect(early.isEmpty)
            #expect(try ledger.entry(sending.id)?.state == .transmitting)
            #expect(try other.recoverInterrupted(at: Self.later).map(\.id) == [sending.id])
        } else {
            #expect(early.map(\.id) == [sending.id])
        }
        #expect(try ledger.entry(sending.id)?.state == .inDoubt)
    }

    /// Two replicas (two connections to one ledger), 50 submissions of the same batch under
    /// different keys at once: exactly one is admitted.
    @Test(arguments: LedgerBackend.allCases)
    func racingReplicasAdmitABatchNumberOnce(backend: LedgerBackend) throws {
        let first = try backend.ledger()
        let second = try backend.reopen(first)
        let admitted = Atomic<Int>(0), refused = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 50) { index in
            let replica = index.isMultiple(of: 2) ? first : second
            switch try? replica.admit(Self.submission(key: "k\(index)"), at: Self.start) {
            case .admitted?: admitted.add(1, ordering: .relaxed)
            case .inFlight?: refused.add(1, ordering: .relaxed)
            default: break
            }
        }
        #expect(admitted.load(ordering: .relaxed) == 1)
        #expect(refused.load(ordering: .relaxed) == 49)
    }

    @Test(arguments: LedgerBackend.allCases)
    func entriesAreListedNewestFirstByPagesAndFilters(backend: LedgerBackend) throws {
        let ledger = try backend.ledger()
        var ids: [String] = []
        for number in 1...7 {
            let entry = try admitted(
                try ledger.admit(Self.submission(key: "k\(number)", batch: number), at: Self.start.addingTimeInterval(Double(number))))
            try ledger.complete(entry.id, with: Self.outcome(number.isMultiple(of: 2) ? .rejected : .accepted), at: Self.start)
            ids.append(entry.id)
        }
        var seen: [String] = []
        var query = LedgerQuery(limit: 3)
        repeat {
            let page = try ledger.list(query)
            seen += page.entries.map(\.id)
            query.cursor = page.nextCursor
        } while query.cursor != nil
        #expect(seen == ids.reversed())
        #expect(try ledger.list(LedgerQuery(state: .rejected)).entries.map(\.submission.batchNumber) == [6, 4, 2])
        let window = LedgerQuery(from: Self.start.addingTimeInterval(3), to: Self.start.addingTimeInterval(5))
        #expect(try ledger.list(window).entries.map(\.submission.batchNumber) == [4, 3])
        #expect(try ledger.list(LedgerQuery(terminalNumber: "9999")).entries.isEmpty)
        #expect(throws: LedgerError.self) { try ledger.list(LedgerQuery(cursor: "nonsense")) }
    }

    @Test(arguments: LedgerBackend.allCases, [LedgerResolution.captured, .notCaptured])
    func anInDoubtEntryIsResolvedOnceAndTheGuardFollows(backend: LedgerBackend, _ resolution: LedgerResolution) throws {
        let ledger = try backend.ledger()
        let doubtful = try admitted(try ledger.admit(Self.submission(key: "a"), at: Self.start))
        try ledger.complete(doubtful.id, with: Self.outcome(.inDoubt, status: 502), at: Self.start)
        guard case .resolved(let resolved) = try ledger.resolve(doubtful.id, as: resolution, note: "TSYS report 2026-11-27", at: Self.start) else {
            throw LedgerError("not resolved")
        }
        #expect(resolved.resolution == resolution.rawValue)
        #expect(resolved.resolutionNote == "TSYS report 2026-11-27")
        guard case .notInDoubt = try ledger.resolve(doubtful.id, as: .captured, note: "again", at: Self.start) else {
            throw LedgerError("resolved twice")
        }
        #expect(try ledger.resolve("stl_missing", as: .captured, note: "", at: Self.start) == .notFound)
        let again = try ledger.admit(Self.submission(key: "b"), at: Self.start)
        switch (resolution, again) {
        case (.captured, .alreadyAccepted), (.notCaptured, .admitted): break
        default: Issue.record("after \(resolution): \(again)")
        }
    }

    @Test(arguments: LedgerBackend.allCases)
    func batchNumbersAreAllocatedAfterTheLatestSkippingRecentOnesAndWrapping(backend: LedgerBackend) throws {
        let ledger = try backend.ledger()
        var clock = Self.start
        func allocate(_ key: String, date: LocalDate = Self.today) throws -> Int {
            var submission = Self.submission(key: key, batch: 1, date: date)
            submission.allocatesBatchNumber = true
            clock += 1
            return try admitted(try ledger.admit(submission, at: clock)).submission.batchNumber
        }
        #expect(try allocate("a") == 1)
        #expect(try allocate("b") == 2)
        clock += 1
        _ = try admitted(try ledger.admit(Self.submission(key: "c", batch: 998), at: clock))
        #expect(try allocate("d") == 999)
        #expect(try allocate("e") == 3)  // wraps past 1 and 2, used within five days
        // Five days on, the early numbers are free again; the sequence continues after the latest.
        #expect(try allocate("f", date: Self.today.adding(days: 5)) == 4)
    }

    /// A damaged row (a batch number or a time no write of ours makes) is read without
    /// trapping: numbering stays within 001-999 and paging past it still works (issue 10).
    @Test(arguments: LedgerBackend.allCases)
    func numbersFromADamagedRowDoNotTrap(backend: LedgerBackend) throws {
        let ledger = try backend.ledger()
        let entry = try admitted(try ledger.admit(Self.submission(key: "a", batch: 5), at: Self.start))
        _ = try admitted(try ledger.admit(Self.submission(key: "b", batch: 6), at: Self.start.addingTimeInterval(1)))
        let database = try backend.database(of: ledger)
        for (number, created) in [(Int64.max, Int64.max), (Int64.min, Int64.max - 1)] {
            _ = try database.query(
                "UPDATE settlements SET batch_number = ?, created_at = ? WHERE id = ?", [.integer(number), .integer(created), .text(entry.id)])
            var submission = Self.submission(key: "auto-\(number)", batch: 1)
            submission.allocatesBatchNumber = true
            let allocated = try admitted(try ledger.admit(submission, at: Self.start.addingTimeInterval(2))).submission.batchNumber
            #expect((1...999).contains(allocated))
            var query = LedgerQuery(limit: 1)
            let first = try ledger.list(query)
            let cursor: String = try #require(first.nextCursor)
            query.cursor = cursor
            #expect(try ledger.list(query).entries.count == 1)
        }
    }

    @Test(arguments: LedgerBackend.allCases)
    func anUnresolvedInDoubtNumberIsSkippedWhateverItsAge(backend: LedgerBackend) throws {
        let ledger = try backend.ledger()
        let old = try admitted(try ledger.admit(Self.submission(key: "old", batch: 3, date: Self.today.adding(days: -10)), at: Self.start))
        try ledger.complete(old.id, with: Self.outcome(.inDoubt, status: 502), at: Self.start)
        let latest = try admitted(try ledger.admit(Self.submission(key: "latest", batch: 2), at: Self.start.addingTimeInterval(1)))
        try ledger.complete(latest.id, with: Self.outcome(.accepted), at: Self.start)
        var submission = Self.submission(key: "auto", batch: 1)
        submission.allocatesBatchNumber = true
        #expect(try admitted(try ledger.admit(submission, at: Self.start.addingTimeInterval(2))).submission.batchNumber == 4)
    }
}

/// Ledgers written by earlier builds are brought up to date at start, their data kept.
@Suite struct LedgerSchemaTests {
    /// A version 1 ledger (the rejection as JSON text) opens as the current version with the
    /// rejection in its typed columns.
    @Test func aVersionOneLedgerIsMigratedWithItsRejections() throws {
        let directory = Scratch.url("ledger-v1")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("ledger.sqlite").path
        do {
            let database = try SQLiteDatabase(path: path)
            try database.execute(LedgerSchema.version1 + "\nPRAGMA user_version = 1;")
            try database.query(
                """
                INSERT INTO settlements (id, fingerprint, merchant_number, terminal_number, batch_number, batch_date, industry, record_count,
                    net_deposit, hashing_total, cash_back_total, environment, state, rejection, answer_status, answer_body, created_at, updated_at)
                VALUES ('stl_old', 'f', '999999999911', '7', 7, '2026-11-26', 'retail', 5, 100, 100, 0, 'simulator', 'rejected', ?, 422, X'7B7D', 1, 1)
                """,
                [.text(#"{"errorType":"E","sequenceNumber":3,"recordType":"D","fieldNumber":12,"data":"BAD DATA","detailRecordIndex":0}"#)])
        }
        let ledger = try SQLiteLedger(directory: directory.path)
        let entry = try #require(try ledger.entry("stl_old"))
        #expect(
            entry.outcome?.rejection
                == BatchRejection(errorType: "E", sequenceNumber: 3, recordType: "D", fieldNumber: 12, data: "BAD DATA", detailRecordIndex: 0))
        let version = try SQLiteDatabase(path: path).query("PRAGMA user_version").first?.first?.integer
        #expect(version == Int64(LedgerSchema.version))
    }

    /// A PostgreSQL ledger of version 1 (before leases) gains the lease columns and table; its
    /// open entries have no owner, so recovery treats them by their age as before.
    @Test func aVersionOnePostgresLedgerGainsLeases() throws {
        let url = try PostgresTestServer.shared.get().makeDatabase()
        do {
            let database = try PostgresDatabase(url: url)
            try database.query("CREATE TABLE ledger_schema (version INTEGER NOT NULL)")
            try database.query("INSERT INTO ledger_schema (version) VALUES (1)")
            for statement in PostgresSchema.version1.split(separator: ";") where !statement.allSatisfy(\.isWhitespace) {
                try database.query(String(statement))
            }
            try database.query(
                """
                INSERT INTO settlements (id, fingerprint, merchant_number, terminal_number, batch_number, batch_date, industry, record_count,
                    net_deposit, hashing_total, cash_back_total, environment, state, created_at, updated_at)
                VALUES ('stl_old', 'f', '999999999911', '7', 7, '2026-11-26', 'retail', 5, 100, 100, 0, 'simulator', 'transmitting', ?, ?)
                """, [.integer(LedgerTests.start.milliseconds), .integer(LedgerTests.start.milliseconds)])
        }
        let ledger = try PostgresLedger(url: url)
        try ledger.acquireLease(instance: "replica-a", duration: .seconds(30), at: LedgerTests.start)
        #expect(try ledger.entry("stl_old")?.owner == nil)
        #expect(try ledger.recoverInterrupted(at: LedgerTests.start.addingTimeInterval(60)).isEmpty)
        #expect(try ledger.recoverInterrupted(at: LedgerTests.later).map(\.id) == ["stl_old"])
        let version = try PostgresDatabase(url: url).query("SELECT version FROM ledger_schema").first?.first?.integer
        #expect(version == Int64(PostgresSchema.version))
    }

    /// A ledger whose replicas table predates the term counter gets one that starts above every
    /// term in use, so no term is given twice.
    @Test func theLeaseTermCounterStartsAboveTheTermsInUse() throws {
        let directory = Scratch.url("ledger-v3")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("ledger.sqlite").path
        do {
            let database = try SQLiteDatabase(path: path)
            try database.execute(LedgerSchema.version1 + LedgerSchema.version2 + LedgerSchema.version3 + "\nPRAGMA user_version = 3;")
            try database.query("INSERT INTO replicas (instance_id, term, lease_until, started_at) VALUES ('old', 7, 0, 0)")
        }
        let ledger = try SQLiteLedger(directory: directory.path)
        #expect(try ledger.acquireLease(instance: "new", duration: .seconds(30), at: LedgerTests.start).term == 8)
    }

    @Test func aLedgerFromANewerBuildIsRefused() throws {
        let directory = Scratch.url("ledger-new")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("ledger.sqlite").path
        try SQLiteDatabase(path: path).execute("PRAGMA user_version = \(LedgerSchema.version + 1);")
        #expect(throws: LedgerError.self) { try SQLiteLedger(directory: directory.path) }
    }
}

/// The two ledger databases, so every rule is tested on both.
enum LedgerBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// A new, empty ledger.
    func ledger(_ policy: LedgerPolicy = LedgerPolicy()) throws -> DatabaseLedger {
        switch self {
        case .sqlite: try SQLiteLedger(directory: Scratch.url("ledger").path, policy: policy)
        case .postgres: try PostgresLedger(url: try PostgresTestServer.shared.get().makeDatabase(), policy: policy)
        }
    }

    /// A second connection to the same ledger: another process, or another replica.
    func reopen(_ ledger: DatabaseLedger) throws -> DatabaseLedger {
        switch ledger {
        case let sqlite as SQLiteLedger: try SQLiteLedger(path: sqlite.path)
        case let postgres as PostgresLedger: try PostgresLedger(url: postgres.url)
        default: throw LedgerError("unknown ledger")
        }
    }

    /// A connection of its own to the ledger's database, for statements no ledger makes.
    func database(of ledger: DatabaseLedger) throws -> any LedgerDatabase {
        switch ledger {
        case let sqlite as SQLiteLedger: try SQLiteDatabase(path: sqlite.path)
        case let postgres as PostgresLedger: try PostgresDatabase(url: postgres.url)
        default: throw LedgerError("unknown ledger")
        }
    }
}
