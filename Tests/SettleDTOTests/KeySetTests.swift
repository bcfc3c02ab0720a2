import Foundation
import SettleModel
import Testing

@testable import SettleDTO

/// Members are found by slot: every name of a set has its own, names sharing a signature are
/// told apart by their bytes, and the slot tables of many objects all stay valid.
@Suite struct KeySetTests {
    func object(_ json: String, _ keys: KeySet) throws -> (DocumentObject, IssueList) {
        var issues = IssueList()
        let root = try #require(DocumentObject(try JSONParser.parse(Array(json.utf8)).root, at: "", &issues))
        let read = root.reading(keys, &issues)
        return (read, issues)
    }

    @Test func everyNameHasItsOwnSlot() {
        let keys = DetailReader.keys
        let slots = keys.names.map { name in
            name.utf8.withContiguousStorageIfAvailable { bytes in
                keys.slot(signature: KeySignature(bytes: bytes).bits) { $0.description == name }
            } ?? nil
        }
        #expect(slots.allSatisfy { $0 != nil })
        #expect(Set(slots.compactMap { $0 }).count == keys.count)
        #expect(keys.slot(signature: KeySignature("cardNumbers").bits) { $0.description == "cardNumbers" } == nil)
    }

    @Test func namesSharingASignatureAreToldApartByTheirBytes() throws {
        // Same length, first, next-to-last and last bytes: the same signature.
        #expect(KeySignature("abXcd") == KeySignature("abYcd"))
        let twins: KeySet = ["abXcd", "abYcd", "other"]
        #expect(twins.slot(of: "abXcd") != twins.slot(of: "abYcd"))
        var (read, issues) = try object(#"{"abYcd": "y", "other": "o", "abXcd": "x"}"#, twins)
        #expect(read.string("abXcd", &issues) == "x")
        #expect(read.string("abYcd", &issues) == "y")
        #expect(read.string("other", &issues) == "o")
        #expect(issues.issues.isEmpty)
    }

    /// The merchant's `categoryCode` and `currencyCode` share a signature; each still reads its own value.
    @Test func theMerchantsTwinNamesReadTheirOwnValues() throws {
        var (read, issues) = try object(#"{"currencyCode": "124", "categoryCode": "5999"}"#, BatchReader.merchantKeys)
        #expect(read.string("categoryCode", &issues) == "5999")
        #expect(read.string("currencyCode", &issues) == "124")
    }

    @Test func absentNullAndUnknownMembers() throws {
        let keys: KeySet = ["present", "missing", "empty"]
        var (read, issues) = try object(#"{"present": 5, "empty": null, "stray": 1}"#, keys)
        #expect(read.integer("present", &issues) == 5)
        #expect(!read.has("missing"))
        #expect(!read.has("empty"))
        #expect(issues.issues.map(\.path) == ["/stray"])
    }

    @Test func theSlotTablesOfManyObjectsStayValid() throws {
        // 600 objects of 20 slots: several of the tape's slot chunks.
        let names: KeySet = [
            "a00", "a01", "a02", "a03", "a04", "a05", "a06", "a07", "a08", "a09",
            "a10", "a11", "a12", "a13", "a14", "a15", "a16", "a17", "a18", "a19",
        ]
        let element = (0..<20).map { String(format: "\"a%02d\": %d", $0, $0) }.joined(separator: ", ")
        let json = "[" + (0..<600).map { "{\"n\": \($0), \(element)}".replacingOccurrences(of: "\"n\"", with: "\"a19\"") }.joined(separator: ",") + "]"
        var issues = IssueList()
        let tape = try JSONParser.parse(Array(json.utf8))
        let objects = try #require(tape.root.elements).enumerated().compactMap { index, element in
            DocumentObject(element, at: "", element: index, &issues)?.reading(names, &issues)
        }
        #expect(objects.count == 600)
        for (index, read) in objects.enumerated() {
            // The first of the repeated a19 members is read; the repeat is reported.
            #expect(read.integer("a19", &issues) == Int64(index))
            #expect(read.integer("a07", &issues) == 7)
        }
        #expect(issues.issues.count == 600)
        #expect(issues.issues.allSatisfy { $0.message == "appears twice" })
    }
}
