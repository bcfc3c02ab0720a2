import SettleHTTPCore
import Testing

/// Field names compare case-insensitively, and only letters fold.
@Suite struct HTTPHeadersTests {
    let headers = HTTPHeaders([("Content-Type", "application/json"), ("X-Trace", "a"), ("x-trace", "b"), ("X-@", "at")])

    @Test func namesMatchWhateverTheirCase() {
        #expect(headers["content-type"] == "application/json")
        #expect(headers["CONTENT-TYPE"] == "application/json")
        #expect(headers.values("x-TRACE") == ["a", "b"])
        #expect(headers["content-typ"] == nil)
        #expect(headers["content-types"] == nil)
    }

    @Test func onlyLettersFold() {
        // '@' and '`' differ by the same bit as 'A' and 'a'; they are different characters.
        #expect(headers["x-@"] == "at")
        #expect(headers["x-`"] == nil)
        #expect(!HTTPHeaders.sameName("a[", "a{"))
        #expect(HTTPHeaders.sameName("Idempotency-Key", "idempotency-key"))
    }
}
