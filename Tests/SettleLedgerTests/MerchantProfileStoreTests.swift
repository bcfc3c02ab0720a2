import Foundation
import SettleTestSupport
import Testing

@testable import SettleLedger

/// Merchant profiles on both databases: created once, replaced under `If-Match` versions, listed
/// in id order, deleted; a replacement never moves a cutoff that is already due.
@Suite struct MerchantProfileStoreTests {
    static let start = LedgerTests.start

    func at(_ seconds: Double) -> Date { Self.start.addingTimeInterval(seconds) }

    func profile(_ id: String, cutoff: Double?, number: String = "888000001111") -> StoredMerchantProfile {
        StoredMerchantProfile(
            id: id, document: Array(#"{"cutoff":{}}"#.utf8), industry: "retail", merchantNumber: number, terminalNumber: "5678",
            timeZone: "America/New_York", nextCutoff: cutoff.map(at))
    }

    @Test(arguments: LedgerBackend.allCases)
    func aProfileIsCreatedOnceThenReplacedVersionByVersion(backend: LedgerBackend) throws {
        let ledger = try backend.ledger()
        guard case .created(let created) = try ledger.putMerchantProfile(profile("shop-1", cutoff: 100), ifVersion: nil, at: at(0)) else {
            Issue.record("not created")
            return
        }
        #expect(created.version == 1 && created.nextCutoff == at(100) && created.createdAt == at(0))
        guard
            case .replaced(let replaced) = try ledger.putMerchantProfile(
                profile("shop-1", cutoff: 200, number: "888000002222"), ifVersion: 1, at: at(5))
        else {
            Issue.record("not replaced")
            return
        }
        #expect(replaced.version == 2 && replaced.merchantNumber == "888000002222" && replaced.nextCutoff == at(200))
        #expect(replaced.createdAt == at(0) && replaced.updatedAt == at(5))
        // A stale version is refused, and the stored profile is named.
        #expect(try ledger.putMerchantProfile(profile("shop-1", cutoff: 300), ifVersion: 1, at: at(6)) == .versionMismatch(current: replaced))
        #expect(try ledger.putMerchantProfile(profile("shop-9", cutoff: 300), ifVersion: 1, at: at(6)) == .versionMismatch(current: nil))
        #expect(try ledger.merchantProfile("shop-1") == replaced)
        #expect(try ledger.merchantProfile("shop-2") == nil)
    }

    @Test(arguments: LedgerBackend.allCases)
    func aReplacementKeepsACutoffThatIsAlreadyDue(backend: LedgerBackend) throws {
        let ledger = try backend.ledger()
        _ = try ledger.putMerchantProfile(profile("shop-1", cutoff: 100), ifVersion: nil, at: at(0))
        // At 150 the cutoff of 100 has not been closed yet (the scheduler is behind): it stays.
        guard case .replaced(let replaced) = try ledger.putMerchantProfile(profile("shop-1", cutoff: 400), ifVersion: nil, at: at(150)) else {
            Issue.record("not replaced")
            return
        }
        #expect(replaced.nextCutoff == at(100))
    }

    @Test(arguments: LedgerBackend.allCases)
    func profilesAreListedInIdOrderAPageAtATimeAndDeleted(backend: LedgerBackend) throws {
        let ledger = try backend.ledger()
        for id in ["c", "a", "b", "d"] { _ = try ledger.putMerchantProfile(profile(id, cutoff: 100), ifVersion: nil, at: at(0)) }
        #expect(try ledger.merchantProfiles(after: nil, ids: nil, limit: 2).map(\.id) == ["a", "b"])
        #expect(try ledger.merchantProfiles(after: "b", ids: nil, limit: 2).map(\.id) == ["c", "d"])
        #expect(try ledger.merchantProfiles(after: nil, ids: ["d", "b", "z"], limit: 10).map(\.id) == ["b", "d"])
        #expect(try ledger.merchantProfiles(after: nil, ids: [], limit: 10).isEmpty)
        let d = try #require(try ledger.merchantProfile("d"))
        #expect(try ledger.deleteMerchantProfile("d", ifVersion: 7) == .versionMismatch(current: d))
        #expect(try ledger.deleteMerchantProfile("d", ifVersion: 1) == .deleted)
        #expect(try ledger.deleteMerchantProfile("d", ifVersion: nil) == .notFound)
        #expect(try ledger.merchantProfiles(after: nil, ids: nil, limit: 10).map(\.id) == ["a", "b", "c"])
    }
}
