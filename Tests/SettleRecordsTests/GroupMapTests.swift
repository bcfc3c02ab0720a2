import SettleModel
import SettleTestSupport
import Testing

@testable import SettleRecords

/// Spec §2.0's worked group-map encodings.
@Suite struct GroupMapTests {
    func map(_ groups: [Int]) -> String { String(decoding: GroupMapCoding.mapBytes(GroupSet(groups: groups), base: 0), as: UTF8.self) }

    @Test func workedExamplesOfTheSpec() {
        #expect(map([3, 12]) == "@@`D")
        #expect(map([2]) == "@@@B")
        #expect(map([5]) == "@@@P")
        #expect(map([5, 7]) == "@@AP")
        #expect(map([4]) == "@@@H")
        #expect(map([4, 13]) == "@A@H")
        #expect(map([9]) == "@@D@")
        #expect(map([10]) == "@@H@")
        #expect(map([2, 5]) == "@@@R")
        #expect(map([2, 4, 5]) == "@@@Z")
        #expect(map([]) == "@@@@")
        #expect(map([23]).first == "P")
        #expect(String(decoding: GroupMapCoding.mapBytes(GroupSet(groups: [45]), base: 24), as: UTF8.self) == "D@@@")
    }

    @Test func everyGroupSetRoundTrips() {
        for group in 1...24 {
            let bytes = GroupMapCoding.mapBytes(GroupSet(groups: [group]), base: 0)
            #expect(GroupMapCoding.groups(fromMap: bytes[...], base: 0) == GroupSet(groups: [group]))
        }
        for group in 25...48 {
            let bytes = GroupMapCoding.mapBytes(GroupSet(groups: [group]), base: 24)
            #expect(GroupMapCoding.groups(fromMap: bytes[...], base: 24) == GroupSet(groups: [group]))
        }
        #expect(GroupMapCoding.groups(fromMap: Array("@@ @".utf8)[...], base: 0) == nil)
    }

    @Test func headerMapsFollowTheHeaderGroups() throws {
        var batch = SampleBatches.batch(.retail, [SampleBatches.sale()])
        #expect(try RecordProbe(batch).field(0, 5, 5) == "H@@@R")  // phones (2) + developer id (5)
        batch.settings.genKey = String(repeating: "A", count: 24)
        #expect(try RecordProbe(batch).field(0, 5, 5) == "H@@@Z")
        batch.merchant.localPhone = ""
        batch.merchant.servicePhone = ""
        batch.settings.genKey = nil
        #expect(try RecordProbe(batch).field(0, 5, 5) == "H@@@P")
    }

    @Test func extendedGroupsSetGroup23AndCarryTheExtensionMap() throws {
        let probe = try RecordProbe(SampleBatches.batch(.retail, [SampleBatches.sale()]))
        // POS data code is group 32: map byte 1 = 'P' (group 23), extension byte 3 = 'B' (group 32).
        #expect(probe.field(2, 5, 5) == "DP@@@")
        #expect(probe.afterBase(2, 0, 4) == "@@B@")
        #expect(probe.afterBase(2, 4, 12) == "CNPN0100000Z")
    }
}
