import SettleJSON
import SettleModel
import Testing

@testable import SettleDTO

/// The document's objects report what their readers cannot use, by JSON pointer.
@Suite struct DocumentObjectTests {
    func object(_ json: String, _ keys: KeySet) throws -> (DocumentObject, IssueList) {
        var issues = IssueList()
        let root = try #require(DocumentObject(try JSONParser.parse(Array(json.utf8)).root, at: "/merchant", &issues))
        return (root.reading(keys, &issues), issues)
    }

    /// The merchant's `categoryCode` and `currencyCode` share a signature; each still reads its own value.
    @Test func theMerchantsTwinNamesReadTheirOwnValues() throws {
        var (read, issues) = try object(#"{"currencyCode": "124", "categoryCode": "5999"}"#, BatchReader.merchantKeys)
        #expect(read.string("categoryCode", &issues) == "5999")
        #expect(read.string("currencyCode", &issues) == "124")
        #expect(issues.issues.isEmpty)
    }

    @Test func unknownRepeatedAndCardSecurityNamesAreProblemsAtTheirPointers() throws {
        let (_, issues) = try object(#"{"name": "A", "name": "B", "cvv": "123", "nmae": "C", "keyBlock": "x"}"#, BatchReader.merchantKeys)
        let found = issues.issues.map { "\($0.code.rawValue) \($0.path)" }
        #expect(found == ["502 /merchant/name", "593 /merchant/cvv", "502 /merchant/nmae", "593 /merchant/keyBlock"])
        #expect(issues.issues.first { $0.path == "/merchant/cvv" }?.message.contains("never accepted") == true)
    }

    @Test func aValueThatIsNotAnObjectIsAProblemAtItsElement() throws {
        var issues = IssueList()
        let element = try JSONParser.parse(Array("[1]".utf8)).root.elements?.first
        #expect(DocumentObject(try #require(element), at: "/detailRecords", element: 0, &issues) == nil)
        #expect(issues.issues.map(\.path) == ["/detailRecords/0"])
    }
}
