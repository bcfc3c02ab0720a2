import Foundation
import SettleModel
import SettleTestSupport
import Testing

@testable import SettleLedger

/// Replica leases on the shared (PostgreSQL) ledger: every entry names the replica and lease term
/// that admitted it, the link opens only under a current lease, and recovery takes only the
/// entries of replicas whose lease lapsed.
@Suite struct LeaseTests {
    static let start = LedgerTests.start
    static let lease: Duration = .seconds(30)

    /// Two replicas of one new PostgreSQL ledger, each holding its lease from `start`.
    func replicas() throws -> (DatabaseLedger, DatabaseLedger) {
        let first = try LedgerBackend.postgres.ledger()
        let second = try LedgerBackend.postgres.reopen(first)
        try first.acquireLease(instance: "replica-a", duration: Self.lease, at: Self.start)
        try second.acquireLease(instance: "replica-b", duration: Self.lease, at: Self.start)
        return (first, second)
    }

    func admitted(_ ledger: DatabaseLedger, key: String, batch: Int, at time: Date = start) throws -> LedgerEntry {
        guard case .admitted(let entry) = try ledger.admit(LedgerTests.submission(key: key, batch: batch), at: time) else {
            throw LedgerError("\(key) was not admitted")
        }
        return entry
    }

    func at(_ seconds: Double) -> Date { Self.start.addingTimeInterval(seconds) }

    @Test func anEntryNamesTheReplicaAndTheTermThatAdmittedIt() throws {
        let (a, b) = try replicas()
        let entry = try admitted(a, key: "k", batch: 1)
        #expect(entry.owner == "replica-a" && entry.ownerTerm == 1)
        let read = try #require(try b.entry(entry.id))
        #expect(read.owner == "replica-a" && read.ownerTerm == 1)
        #expect(a.lease == ReplicaLease(instance: "replica-a", term: 1, expires: at(30)))
    }

    @Test func anotherReplicaTakesASettlementAsInterruptedOnlyAfterItsOwnersLeaseLapsed() throws {
        let (a, b) = try replicas()
        let sending = try admitted(a, key: "k", batch: 1)
        try a.markTransmitting(sending.id, at: at(1))
        #expect(try b.recoverInterrupted(at: at(29)).isEmpty)
        #expect(try b.entry(sending.id)?.state == .transmitting)
        let recovered = try b.recoverInterrupted(at: at(31))
        #expect(recovered.map(\.id) == [sending.id])
        #expect(try b.entry(sending.id)?.state == .inDoubt)
    }

    @Test func aRenewedLeaseKeepsItsSettlementsFromRecovery() throws {
        let (a, b) = try replicas()
        let sending = try admitted(a, key: "k", batch: 1)
        try a.markTransmitting(sending.id, at: at(1))
        #expect(try a.renewLease(at: at(20)) == .renewed(ReplicaLease(instance: "replica-a", term: 1, expires: at(50))))
        #expect(try b.recoverInterrupted(at: at(45)).isEmpty)
        #expect(try b.recoverInterrupted(at: at(51)).map(\.id) == [sending.id])
    }

    /// The fencing check: a replica back from a long pause neither sends what it admitted under
    /// the lapsed term, nor revives that term by renewing.
    @Test func aReplicaWhoseLeaseLapsedMayNotStartSending() throws {
        let (a, b) = try replicas()
        let waiting = try admitted(a, key: "k", batch: 1)
        #expect {
            try a.markTransmitting(waiting.id, at: at(31))
        } throws: { error in
            (error as? LedgerError)?.message.contains("lease of replica replica-a (term 1)") == true
        }
        #expect(try a.entry(waiting.id)?.state == .received)
        let renewal = try a.renewLease(at: at(32))
        // Terms are the ledger's, never given twice: replica-b holds 2, so replica-a's next is 3.
        #expect(renewal == .lapsed(previousTerm: 1, ReplicaLease(instance: "replica-a", term: 3, expires: at(62))))
        #expect(throws: LedgerError.self) { try a.markTransmitting(waiting.id, at: at(33)) }
        // Whichever replica recovers next fails it: nothing was sent.
        #expect(try b.recoverInterrupted(at: at(34)).map(\.id) == [waiting.id])
        #expect(try a.entry(waiting.id)?.state == .failed)
        // What the new term admits is sent as usual.
        let fresh = try admitted(a, key: "k2", batch: 2, at: at(35))
        #expect(fresh.ownerTerm == 3)
        try a.markTransmitting(fresh.id, at: at(35))
    }

    /// A restarted replica is a new instance: its start-up recovery leaves another live replica's
    /// settlement alone.
    @Test func aRestartedReplicaLeavesALiveReplicasSettlementsAlone() throws {
        let (a, b) = try replicas()
        let sending = try admitted(b, key: "k", batch: 1)
        try b.markTransmitting(sending.id, at: at(1))
        let waiting = try admitted(b, key: "k2", batch: 2, at: at(2))
        let restarted = try LedgerBackend.postgres.reopen(a)
        try restarted.acquireLease(instance: "replica-a2", duration: Self.lease, at: at(5))
        #expect(try restarted.recoverInterrupted(at: at(5)).isEmpty)
        #expect(try b.entry(sending.id)?.state == .transmitting)
        #expect(try b.entry(waiting.id)?.state == .received)
    }

    @Test func aReleasedLeaseLetsAnotherReplicaRecoverAtOnce() throws {
        let (a, b) = try replicas()
        let sending = try admitted(a, key: "k", batch: 1)
        try a.markTransmitting(sending.id, at: at(1))
        try a.releaseLease(at: at(2))
        #expect(a.lease == nil)
        #expect(try b.recoverInterrupted(at: at(2)).map(\.id) == [sending.id])
    }

    /// A lease lapsed for a day is forgotten once its entries have all ended, never before: a
    /// forgotten instance would start again at term 1, the term its open entries name.
    @Test func lapsedReplicasAreForgottenOnlyOnceTheirEntriesEnded() throws {
        let (a, b) = try replicas()
        let sending = try admitted(a, key: "k", batch: 1)
        try a.markTransmitting(sending.id, at: at(1))
        let database = try LedgerBackend.postgres.database(of: b)
        func known() throws -> [String] {
            try database.query("SELECT instance_id FROM replicas ORDER BY instance_id").compactMap { $0.first?.text }
        }
        // b's lease stays current across the day, as a live replica's does.
        try database.query("UPDATE replicas SET lease_until = ? WHERE instance_id = 'replica-b'", [.integer(at(200_000).milliseconds)])
        // An entry of a's still open a day on (as if no replica had recovered meanwhile) keeps a known.
        let core = LedgerCore(policy: LedgerPolicy())
        try core.forgetReplicas(lapsedBefore: at(100_000), in: database)
        #expect(try known() == ["replica-a", "replica-b"])
        // Recovery ends it, and then forgets a in the same pass.
        #expect(try b.recoverInterrupted(at: at(90_000)).map(\.id) == [sending.id])
        #expect(try known() == ["replica-b"])
    }

    /// A replica forgotten after a day away and then back takes a term never given before, so
    /// nothing admitted under its old term can pass the fencing check.
    @Test func aForgottenReplicaComesBackUnderATermNeverGivenBefore() throws {
        let (a, b) = try replicas()
        let stale = try admitted(a, key: "k", batch: 1)
        _ = try b.renewLease(at: at(90_000))
        let database = try LedgerBackend.postgres.database(of: b)
        try LedgerCore(policy: LedgerPolicy()).forgetReplicas(lapsedBefore: at(90_000), in: database)
        // The open entry keeps replica-a known; recovery fails it, then replica-a is forgotten.
        #expect(try b.recoverInterrupted(at: at(90_001)).map(\.id) == [stale.id])
        #expect(try database.query("SELECT count(*) FROM replicas WHERE instance_id = 'replica-a'").first?.first?.integer == 0)
        let back = try a.renewLease(at: at(90_002))
        #expect(back.lease.term > 2, "terms 1 and 2 were given before: \(back)")
        let fresh = try admitted(a, key: "k2", batch: 2, at: at(90_003))
        try a.markTransmitting(fresh.id, at: at(90_003))
    }

    @Test func aLedgerOneProcessOwnsHasNoLeases() throws {
        let ledger = try LedgerBackend.sqlite.ledger()
        #expect(!ledger.isShared)
        #expect(try LedgerBackend.postgres.ledger().isShared)
        let entry = try admitted(ledger, key: "k", batch: 1)
        #expect(entry.owner == nil)
    }
}
