import Foundation
import SettleModel
import SettleTestSupport
import Testing

@testable import SettleLedger

/// Failures inside the ledger's database layer, injected at each statement of a call: a failed
/// statement rolls its whole call back, a lost answer leaves a write the caller was told failed,
/// and recovery fails an admission that was left unsent, so it cannot hold its batch number.
@Suite struct LedgerFaultTests {
    static let start = LedgerTests.start

    func at(_ seconds: Double) -> Date { Self.start.addingTimeInterval(seconds) }

    /// A ledger as a serving process holds it: start-up recovery done, and on PostgreSQL a lease
    /// that stays current throughout (as one renewed all along).
    func serving(_ backend: LedgerBackend) throws -> DatabaseLedger {
        let ledger = try backend.ledger()
        if ledger.isShared { try ledger.acquireLease(instance: "replica-a", duration: .seconds(3600), at: Self.start) }
        _ = try ledger.recoverInterrupted(at: Self.start)
        return ledger
    }

    @Test(arguments: LedgerBackend.allCases, 1...8)
    func aStatementFailingInsideAdmissionLeavesNothingBehind(backend: LedgerBackend, statement: Int) throws {
        let ledger = try serving(backend)
        ledger.injectFault(.statement(statement))
        let first = Result { () throws(LedgerError) in try ledger.admit(LedgerTests.submission(key: "k"), at: at(1)) }
        let stored = try ledger.list(LedgerQuery(limit: 10)).entries
        switch first {
        case .failure(let error):
            #expect(error.message.contains("injected fault"))
            #expect(stored.isEmpty, "a failed admission left \(stored.count) entries")
            // The caller's retry is a first admission.
            guard case .admitted = try ledger.admit(LedgerTests.submission(key: "k"), at: at(2)) else {
                Issue.record("the retry was not admitted")
                return
            }
        case .success(let admission):
            // The call had fewer statements than the one meant to fail.
            guard case .admitted = admission else { throw LedgerError("not admitted: \(admission)") }
        }
        #expect(try ledger.list(LedgerQuery(limit: 10)).entries.count == 1)
    }

    @Test(arguments: LedgerBackend.allCases)
    func aStatementFailingInsideAMarkingOrAnEndingChangesNothing(backend: LedgerBackend) throws {
        let ledger = try serving(backend)
        guard case .admitted(let entry) = try ledger.admit(LedgerTests.submission(key: "k"), at: at(1)) else {
            throw LedgerError("not admitted")
        }
        ledger.injectFault(.statement(1))
        #expect(throws: LedgerError.self) { try ledger.markTransmitting(entry.id, at: at(2)) }
        #expect(try ledger.entry(entry.id)?.state == .received)
        try ledger.markTransmitting(entry.id, at: at(3))
        ledger.injectFault(.statement(1))
        #expect(throws: LedgerError.self) { try ledger.complete(entry.id, with: LedgerTests.outcome(.accepted), at: at(4)) }
        #expect(try ledger.entry(entry.id)?.state == .transmitting)
        try ledger.complete(entry.id, with: LedgerTests.outcome(.accepted), at: at(5))
        #expect(try ledger.entry(entry.id)?.state == .accepted)
    }

    /// The admission committed but its caller saw a failure (and answered 503, sending nothing).
    /// The entry holds its key and batch number until recovery fails it as a stale admission,
    /// while this process runs: not only at the next start.
    @Test(arguments: LedgerBackend.allCases)
    func anAdmissionWhoseAnswerWasLostIsFailedOnceStale(backend: LedgerBackend) throws {
        let ledger = try serving(backend)
        ledger.injectFault(.answerLost)
        #expect(throws: LedgerError.self) { try ledger.admit(LedgerTests.submission(key: "k"), at: at(1)) }
        let left = try #require(try ledger.list(LedgerQuery(limit: 10)).entries.first)
        #expect(left.state == .received)
        guard case .inFlight = try ledger.admit(LedgerTests.submission(key: "other", batch: 7), at: at(2)) else {
            throw LedgerError("the batch number was not held while the entry waits")
        }
        let limit = DatabaseLedger.staleAdmissionLimit.seconds
        #expect(try ledger.recoverInterrupted(at: at(limit - 5)).isEmpty)
        #expect(try ledger.recoverInterrupted(at: at(limit + 20)).map(\.id) == [left.id])
        #expect(try ledger.entry(left.id)?.state == .failed)
        // Nothing of it may be sent now, and the batch number is free again.
        #expect(throws: LedgerError.self) { try ledger.markTransmitting(left.id, at: at(limit + 21)) }
        guard case .admitted = try ledger.admit(LedgerTests.submission(key: "other", batch: 7), at: at(limit + 22)) else {
            throw LedgerError("the batch number stayed held")
        }
    }

    /// A marking whose answer was lost: the entry is `transmitting` although nothing was sent;
    /// the API records it failed (nothing sent), which the ledger takes over the marking.
    @Test(arguments: LedgerBackend.allCases)
    func aMarkingWhoseAnswerWasLostEndsFailedWhenTheCallerSaysNothingWasSent(backend: LedgerBackend) throws {
        let ledger = try serving(backend)
        guard case .admitted(let entry) = try ledger.admit(LedgerTests.submission(key: "k"), at: at(1)) else {
            throw LedgerError("not admitted")
        }
        ledger.injectFault(.answerLost)
        #expect(throws: LedgerError.self) { try ledger.markTransmitting(entry.id, at: at(2)) }
        #expect(try ledger.entry(entry.id)?.state == .transmitting)
        let failed = LedgerOutcome(
            state: .failed, failure: "could not be marked", answer: LedgerAnswer(status: 503, body: []), releasesIdempotencyKey: true)
        try ledger.complete(entry.id, with: failed, at: at(3))
        let ended = try #require(try ledger.entry(entry.id))
        #expect(ended.state == .failed && ended.submission.idempotencyKey == nil)
    }
}
