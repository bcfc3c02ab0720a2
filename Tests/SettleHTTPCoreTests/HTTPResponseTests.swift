import Foundation
import SettleHTTPCore
import Testing

@Suite struct HTTPResponseTests {
    @Test func responsesAlwaysCarryLengthAndDateAndSayWhenTheyClose() {
        let response = HTTPResponse(
            status: 422, headers: HTTPHeaders([("Content-Type", "application/problem+json"), ("Content-Length", "999")]), body: Array("{}".utf8))
        let text = String(decoding: response.serialized(date: Date(timeIntervalSince1970: 1_795_726_450), closing: true), as: UTF8.self)
        #expect(
            text == "HTTP/1.1 422 Unprocessable Content\r\nContent-Type: application/problem+json\r\nContent-Length: 2\r\n"
                + "Date: Thu, 26 Nov 2026 20:54:10 GMT\r\nConnection: close\r\n\r\n{}")
    }

    @Test(arguments: [
        (0, "Thu, 01 Jan 1970 00:00:00 GMT"), (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"),
        (4_133_980_799, "Fri, 31 Dec 2100 23:59:59 GMT"), (-1, "Wed, 31 Dec 1969 23:59:59 GMT"),
    ])
    func datesAreIMFFixdate(seconds: Int, expected: String) {
        let text = String(
            decoding: HTTPResponse(status: 204).serialized(date: Date(timeIntervalSince1970: TimeInterval(seconds)), closing: false), as: UTF8.self)
        #expect(text.contains("\r\nDate: \(expected)\r\n"))
        #expect(!text.contains("Connection"))
    }

    @Test func headResponsesKeepTheLengthButNotTheBody() {
        let bytes = HTTPResponse(status: 200, body: Array("hello".utf8)).serialized(closing: false, includeBody: false)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("Content-Length: 5\r\n"))
        #expect(text.hasSuffix("\r\n\r\n"))
    }
}
