import SettleHTTPCore
import Testing

/// Strict RFC 9112 parsing: what a well-formed client sends is read whole, however it is split;
/// anything another parser could read differently (smuggling) is refused with its status.
@Suite struct HTTPRequestParserTests {
    struct Parsed {
        var heads: [HTTPRequestHead] = []
        var bodies: [[UInt8]] = []
        var ends = 0
        var error: HTTPParseError?
    }

    /// Feeds `text` in pieces of `piece` bytes and collects every event.
    func parse(_ text: String, piece: Int = .max, limits: HTTPLimits = HTTPLimits()) -> Parsed {
        var parser = HTTPRequestParser(limits: limits)
        var parsed = Parsed()
        var body: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        repeat {
            let end = min(bytes.count, index + max(piece, 1))
            parser.append(bytes[index..<end])
            index = end
            do {
                while let event = try parser.next() {
                    switch event {
                    case .head(let head): parsed.heads.append(head)
                    case .body(let bytes): body += bytes
                    case .end:
                        parsed.bodies.append(body)
                        body = []
                        parsed.ends += 1
                    }
                }
            } catch {
                parsed.error = error
                return parsed
            }
        } while index < bytes.count
        return parsed
    }

    @Test(arguments: [1, 2, 7, Int.max])
    func aPostWithContentLengthIsReadWholeHoweverSplit(piece: Int) {
        let parsed = parse(
            "POST /v1/settlements HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nContent-Type: application/json\r\n\r\n{\"a\"}", piece: piece)
        #expect(parsed.error == nil)
        #expect(parsed.heads.first?.method == "POST")
        #expect(parsed.heads.first?.path == "/v1/settlements")
        #expect(parsed.heads.first?.headers["content-type"] == "application/json")
        #expect(parsed.bodies == [Array("{\"a\"}".utf8)])
    }

    @Test(arguments: [1, 3, Int.max])
    func chunkedBodiesAreDecodedWithExtensionsAndTrailers(piece: Int) {
        let text =
            "POST /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n4;name=v\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nX-Trailer: 1\r\n\r\n"
        let parsed = parse(text, piece: piece)
        #expect(parsed.error == nil)
        #expect(parsed.bodies == [Array("Wikipedia in\r\n\r\nchunks.".utf8)])
    }

    /// RFC 9112 §7.1.1: whitespace before `;` and around `=`, token and quoted values (with
    /// quoted pairs), several extensions.
    @Test(arguments: ["4;a", "4 ;a", "4\t; a=b", "4;a=b;c", "4;a = \"q;\\\"x\"", "4;a=\"\";b=1", "4;a=\"x\" ;b"])
    func chunkExtensionsTheGrammarAllowsAreAccepted(line: String) {
        let parsed = parse("POST /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n\(line)\r\nWiki\r\n0\r\n\r\n")
        #expect(parsed.error == nil, "\(line.debugDescription): \(String(describing: parsed.error))")
        #expect(parsed.bodies == [Array("Wiki".utf8)])
    }

    /// A bare `;`, an unbalanced quote, a name that is not a token, `=` without a value, and
    /// whitespace that ends the line are refused, with the reason.
    @Test(arguments: [
        ("4;", "without a name"), ("4;;a", "without a name"), ("4; ", "without a name"), ("4;a=\"x", "unbalanced quote"),
        ("4;a=\"x\\", "unbalanced quote"), ("4;a=", "without a value"), ("4;a=b c", "invalid chunk extension"),
        ("4;a ", "invalid chunk extension"), ("4;@", "without a name"), ("4;a=\"x\"y", "invalid chunk extension"), ("4 ", "invalid chunk extension"),
    ])
    func chunkExtensionsTheGrammarRefusesAreRefused(line: String, reason: String) {
        for piece in [1, Int.max] {
            let parsed = parse("POST /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n\(line)\r\nWiki\r\n0\r\n\r\n", piece: piece)
            #expect(parsed.error?.status == 400, "\(line.debugDescription)")
            #expect(parsed.error?.reason.contains(reason) == true, "\(line.debugDescription): \(String(describing: parsed.error))")
        }
    }

    @Test func pipelinedRequestsComeOutInOrder() {
        let parsed = parse(
            "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\nPOST /b HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhiGET /c HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"
        )
        #expect(parsed.heads.map(\.target) == ["/healthz", "/b", "/c"])
        #expect(parsed.bodies == [[], Array("hi".utf8), []])
        #expect(parsed.heads.map(\.keepAlive) == [true, true, false])
    }

    @Test func expectContinueAndHTTP10KeepAliveAreUnderstood() {
        let continuing = parse("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 1\r\n\r\n")
        #expect(continuing.heads.first?.expectsContinue == true)
        #expect(parse("GET / HTTP/1.0\r\n\r\n").heads.first?.keepAlive == false)
        #expect(parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").heads.first?.keepAlive == true)
        #expect(parse("GET http://example.com/a?b=1 HTTP/1.1\r\nHost: example.com\r\n\r\n").heads.first?.target == "/a?b=1")
    }

    static let refusals: [(String, Int)] = [
        ("GET / HTTP/1.1\nHost: a\n\n", 400),  // bare LF
        ("GET / HTTP/1.1\r\nHost: a\rX: y\r\n\r\n", 400),  // bare CR
        ("GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400),  // double space
        ("GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400),  // space before colon
        ("GET / HTTP/1.1\r\nHost: a\r\nX: 1\r\n  folded\r\n\r\n", 400),  // obs-fold
        ("GET / HTTP/1.1\r\n\r\n", 400),  // no Host
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),  // two Hosts
        ("GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400),  // bad Host
        ("GET / HTTP/1.1\r\nHost: a\r\nX: a\u{0}b\r\n\r\n", 400),  // NUL in a value
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 3\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +3\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: xchunked\r\n\r\n", 400),
        ("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n+5\r\nhello\r\n0\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5 \r\nhello\r\n0\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\nhello\r\n0\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhello\r\n0\r\n\r\n", 400),
        ("GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505),
        ("GET / HTTP/1.1x\r\nHost: a\r\n\r\n", 400),
        ("CONNECT a:443 HTTP/1.1\r\nHost: a\r\n\r\n", 501),
        ("POST / HTTP/1.1\r\nHost: a\r\nExpect: something\r\n\r\n", 417),
        ("GET noslash HTTP/1.1\r\nHost: a\r\n\r\n", 400),
    ]

    @Test(arguments: refusals.indices)
    func ambiguousOrMalformedRequestsAreRefused(index: Int) {
        let (text, status) = Self.refusals[index]
        for piece in [1, Int.max] {
            let parsed = parse(text, piece: piece)
            #expect(parsed.error?.status == status, "\(text.debugDescription) split \(piece): \(String(describing: parsed.error))")
            #expect(parsed.ends == 0)
        }
    }

    @Test func limitsAnswerWithTheirOwnStatus() {
        let limits = HTTPLimits(
            maximumRequestLineBytes: 32, maximumHeaderBytes: 64, maximumHeaderCount: 3, maximumBodyBytes: 10, maximumChunkLineBytes: 16)
        #expect(parse("GET /\(String(repeating: "a", count: 40)) HTTP/1.1\r\nHost: a\r\n\r\n", limits: limits).error?.status == 414)
        #expect(parse("GET / HTTP/1.1\r\nHost: a\r\nX: \(String(repeating: "b", count: 80))\r\n\r\n", limits: limits).error?.status == 431)
        #expect(parse("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n", limits: limits).error?.status == 431)
        #expect(parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n", limits: limits).error?.status == 413)
        #expect(
            parse("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n6\r\nabcdef\r\n0\r\n\r\n", limits: limits).error?
                .status == 413)
        // The limits are not hit by a request that fits them.
        #expect(parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n0123456789", limits: limits).error == nil)
    }

    @Test func aParserStaysFailedAfterAnError() {
        var parser = HTTPRequestParser()
        parser.append(Array("GET / HTTP/1.1\nHost: a\n\n".utf8))
        #expect(throws: HTTPParseError.self) { try parser.next() }
        parser.append(Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.self) { try parser.next() }
    }
}
