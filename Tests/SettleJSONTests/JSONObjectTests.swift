import Foundation
import Testing

@testable import SettleJSON

/// Objects read by key sets: every name of a set has its own slot, names sharing a signature
/// are told apart by their bytes, absent and null members are not given, unknown and repeated
/// names are reported, and the slot tables of many objects all stay valid.
@Suite struct JSONObjectTests {
    func object(_ json: String, _ keys: KeySet) throws -> (object: JSONObject, unknownNames: [String]) {
        let root = try #require(JSONObject(try JSONParser.parse(Array(json.utf8)).root))
        return root.indexed(by: keys)
    }

    func string(_ object: JSONObject, _ key: StaticString) -> String? {
        object.member(key).map { object.tape.string(at: $0) }
    }

    @Test func everyNameHasItsOwnSlot() {
        let keys: KeySet = ["transactionType", "transactionDate", "transactionTime", "cardNumber", "settlementAmount", "a", "b"]
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
        #expect(KeySignature("categoryCode") == KeySignature("currencyCode"))
        let twins: KeySet = ["abXcd", "abYcd", "other"]
        #expect(twins.slot(of: "abXcd") != twins.slot(of: "abYcd"))
        let (read, unknown) = try object(#"{"abYcd": "y", "other": "o", "abXcd": "x"}"#, twins)
        #expect(string(read, "abXcd") == "x")
        #expect(string(read, "abYcd") == "y")
        #expect(string(read, "other") == "o")
        #expect(unknown.isEmpty)
    }

    @Test func absentNullAndUnknownMembers() throws {
        let keys: KeySet = ["present", "missing", "empty"]
        let (read, unknown) = try object(#"{"present": 5, "empty": null, "stray": 1}"#, keys)
        #expect(read.member("present").flatMap { read.tape.integer(at: $0) } == 5)
        #expect(!read.has("missing"))
        #expect(!read.has("empty"))
        #expect(unknown == ["stray"])
    }

    @Test func anObjectNotYetIndexedFindsItsMembersByName() throws {
        let root = try #require(JSONObject(try JSONParser.parse(Array(#"{"a": "x", "b": null}"#.utf8)).root))
        #expect(string(root, "a") == "x")
        #expect(!root.has("b"))
        #expect(!root.has("c"))
        #expect(JSONObject(try JSONParser.parse(Array("[1]".utf8)).root) == nil)
    }

    @Test func repeatedNamesAreListedOncePerRepeat() throws {
        let root = try #require(JSONObject(try JSONParser.parse(Array(#"{"a": 1, "b": 2, "a": 3, "c": 4, "a": 5, "b": 6}"#.utf8)).root))
        #expect(root.repeatedNames == ["a", "a", "b"])
        // The first of a repeated name is the one read.
        let (read, _) = root.indexed(by: ["a", "b", "c"])
        #expect(read.member("a").flatMap { read.tape.integer(at: $0) } == 1)
    }

    @Test func theSlotTablesOfManyObjectsStayValid() throws {
        // 600 objects of 20 slots: several of the tape's slot chunks.
        let names: KeySet = [
            "a00", "a01", "a02", "a03", "a04", "a05", "a06", "a07", "a08", "a09",
            "a10", "a11", "a12", "a13", "a14", "a15", "a16", "a17", "a18", "a19",
        ]
        let element = (0..<20).map { String(format: "\"a%02d\": %d", $0, $0) }.joined(separator: ", ")
        let json =
            "[" + (0..<600).map { "{\"n\": \($0), \(element)}".replacingOccurrences(of: "\"n\"", with: "\"a19\"") }.joined(separator: ",") + "]"
        let tape = try JSONParser.parse(Array(json.utf8))
        let objects = try #require(tape.root.elements).compactMap { JSONObject($0) }
        #expect(objects.allSatisfy { $0.repeatedNames == ["a19"] })
        let read = objects.map { $0.indexed(by: names).object }
        #expect(read.count == 600)
        for (index, object) in read.enumerated() {
            // The first of the repeated a19 members is read.
            #expect(object.member("a19").flatMap { object.tape.integer(at: $0) } == Int64(index))
            #expect(object.member("a07").flatMap { object.tape.integer(at: $0) } == 7)
        }
    }
}
