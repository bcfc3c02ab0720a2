import Foundation
import SettleModel
import SettleTestSupport
import Synchronization
import Testing

@testable import SettleLedger

/// The events outbox on both databases: every announced state change writes one event in its own
/// transaction (none without the change, none twice), numbered in the order of commit.
@Suite struct LedgerEventTests {
    static let start = LedgerTests.start

    func at(_ seconds: Double) -> Date { Self.start.addingTimeInterval(seconds) }

    func admitted(_ ledger: DatabaseLedger, key: String, batch: Int) throws -> LedgerEntry {
        guard case .admitted(let entry) = try ledger.admit(LedgerTests.submission(key: key, batch: batch), at: at(0)) else {
            throw LedgerError("\(key) was not admitted")
        }
        return entry
    }

    func events(_ ledger: DatabaseLedger, of id: String? = nil) throws -> [LedgerEvent] {
        try ledger.events(LedgerEventQuery(settlementID: id, limit: 500)).events
    }

    @Test(arguments: LedgerBackend.allCases)
    func anEndingWritesOneEventAndARepeatedEndingNone(backend: LedgerBackend) throws {
        let ledger = try backend.ledger()
        let entry = try admitted(ledger, key: "k", batch: 7)
        try ledger.markTransmitting(entry.id, at: at(1))
        #expect(try events(ledger).isEmpty, "received and transmitting are not announced")
        try ledger.complete(entry.id, with: LedgerTests.outcome(.accepted), at: at(2))
        // The retry of an ending whose answer was lost.
        try ledger.complete(entry.id, with: LedgerTests.outcome(.accepted), at: at(3))
        let written = try events(ledger)
        #expect(written.map(\.type) == [.accepted])
        #expect(written.first?.settlementID == entry.id && written.first?.state == .accepted && written.first?.createdAt == at(2))
        #expect(written.first?.id.hasPrefix("evt_") == true)
        let page = try ledger.events(LedgerEventQuery())
        #expect(page.settlements[entry.id]?.state == .accepted)
    }

    @Test(arguments: LedgerBackend.allCases)
    func recoveryAndResolutionAnnounceWhatTheyChange(backend: LedgerBackend) throws {
        let ledger = try backend.ledger()
        let sending = try admitted(ledger, key: "a", batch: 7)
        try ledger.markTransmitting(sending.id, at: at(1))
        let waiting = try admitted(ledger, key: "b", batch: 8)
        let reopened = try backend.reopen(ledger)
        _ = try reopened.recoverInterrupted(at: LedgerTests.later)
        #expect(try events(reopened, of: sending.id).map(\.type) == [.inDoubt])
        #expect(try events(reopened, of: waiting.id).map(\.type) == [.failed])
        // The API's ending for a marking that failed, over recovery's: the state does not change.
        let failed = LedgerOutcome(
            state: .failed, failure: "could not be marked", answer: LedgerAnswer(status: 503, body: []), releasesIdempotencyKey: true)
        try reopened.complete(waiting.id, with: failed, at: LedgerTests.later)
        #expect(try events(reopened, of: waiting.id).count == 1)
        _ = try reopened.resolve(sending.id, as: .captured, note: "TSYS report", at: LedgerTests.later)
        #expect(try events(reopened, of: sending.id).map(\.type) == [.inDoubt, .resolved])
        // A resolved entry's ending is not taken, and so not announced.
        try reopened.complete(sending.id, with: LedgerTests.outcome(.accepted), at: LedgerTests.later)
        let all = try events(reopened)
        #expect(all.count == 3)
        #expect(all.map(\.sequence) == all.map(\.sequence).sorted() && Set(all.map(\.sequence)).count == 3)
    }

    /// A settlement recovered as in doubt whose sending process then records the host's answer
    /// (it was paused, not stopped): the answer is announced too.
    @Test(arguments: LedgerBackend.allCases)
    func aLateEndingAfterRecoveryIsAnnounced(backend: LedgerBackend) throws {
        let ledger = try backend.ledger()
        let entry = try admitted(ledger, key: "k", batch: 7)
        try ledger.markTransmitting(entry.id, at: at(1))
        _ = try backend.reopen(ledger).recoverInterrupted(at: LedgerTests.later)
        try ledger.complete(entry.id, with: LedgerTests.outcome(.accepted), at: LedgerTests.later.addingTimeInterval(1))
        #expect(try events(ledger, of: entry.id).map(\.type) == [.inDoubt, .accepted])
    }

    @Test(arguments: LedgerBackend.allCases, [LedgerFault.statement(1), .statement(2)])
    func anEndingThatFailsWritesNoEvent(backend: LedgerBackend, fault: LedgerFault) throws {
        let ledger = try backend.ledger()
        let entry = try admitted(ledger, key: "k", batch: 7)
        try ledger.markTransmitting(entry.id, at: at(1))
        ledger.injectFault(fault)
        #expect(throws: LedgerError.self) { try ledger.complete(entry.id, with: LedgerTests.outcome(.accepted), at: at(2)) }
        #expect(try ledger.entry(entry.id)?.state == .transmitting)
        #expect(try events(ledger).isEmpty)
    }

    @Test(arguments: LedgerBackend.allCases)
    func eventsAreReadOnAfterTheLastOneSeenAndFiltered(backend: LedgerBackend) throws {
        let ledger = try backend.ledger()
        var ids: [String] = []
        for number in 1...7 {
            let entry = try admitted(ledger, key: "k\(number)", batch: number)
            try ledger.markTransmitting(entry.id, at: at(1))
            try ledger.complete(entry.id, with: LedgerTests.outcome(number % 2 == 0 ? .rejected : .accepted), at: at(Double(number)))
            ids.append(entry.id)
        }
        var seen: [String] = []
        var after: Int64?
        while true {
            let page = try ledger.events(LedgerEventQuery(after: after, limit: 3))
            seen += page.events.map(\.settlementID)
            after = page.events.last?.sequence
            if !page.hasMore { break }
        }
        #expect(seen == ids)
        #expect(try ledger.events(LedgerEventQuery(types: [.rejected])).events.map(\.settlementID) == [ids[1], ids[3], ids[5]])
        #expect(try ledger.events(LedgerEventQuery(merchantNumber: "000000000000")).events.isEmpty)
        #expect(try ledger.events(LedgerEventQuery(merchantNumber: "888000002200")).events.count == 7)
    }

    /// Two replicas ending settlements at once: every event has a number of its own, and the
    /// numbers have no gaps (each is one above the last committed).
    @Test func endingsOnTwoReplicasAtOnceAreNumberedInOrder() async throws {
        let a = try LedgerBackend.postgres.ledger()
        let b = try LedgerBackend.postgres.reopen(a)
        var entries: [LedgerEntry] = []
        for number in 1...40 {
            let entry = try admitted(a, key: "k\(number)", batch: number)
            try a.markTransmitting(entry.id, at: at(1))
            entries.append(entry)
        }
        await withTaskGroup(of: Void.self) { group in
            for (index, entry) in entries.enumerated() {
                let ledger = index % 2 == 0 ? a : b
                group.addTask { try? ledger.complete(entry.id, with: LedgerTests.outcome(.accepted), at: LedgerTests.start) }
            }
        }
        let written = try events(a)
        #expect(written.count == 40)
        #expect(written.map(\.sequence) == Array(1...40))
        #expect(Set(written.map(\.settlementID)) == Set(entries.map(\.id)))
    }
}
