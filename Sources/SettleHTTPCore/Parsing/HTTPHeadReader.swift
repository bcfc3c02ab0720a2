/// Turns the lines of a request head into an ``HTTPRequestHead`` and its body framing, applying
/// RFC 9112's rules strictly: anything a proxy in front of us might read differently is refused.
enum HTTPHeadReader {
    enum BodyFraming: Sendable, Hashable {
        case none
        case length(Int)
        case chunked
    }

    static func read(lines: [[UInt8]], limits: HTTPLimits) throws(HTTPParseError) -> (HTTPRequestHead, BodyFraming) {
        let (method, target, minor) = try requestLine(lines[0])
        var headers = HTTPHeaders()
        for line in lines.dropFirst() { try field(line, into: &headers) }
        let hosts = headers.values("host")
        guard hosts.count == 1 || (minor == 0 && hosts.isEmpty) else { throw .bad("a request needs exactly one Host header") }
        if let host = hosts.first, !host.utf8.allSatisfy(HTTPSyntax.isHostCharacter) { throw .bad("invalid Host header") }
        let framing = try bodyFraming(headers, minor: minor, limits: limits)
        var expectsContinue = false
        if let expectation = headers["expect"] {
            guard headers.values("expect").count == 1, expectation.lowercased() == "100-continue" else {
                throw HTTPParseError(417, "only Expect: 100-continue is supported")
            }
            expectsContinue = minor == 1
        }
        let connection = headers.tokens("connection")
        let keepAlive = minor == 1 ? !connection.contains("close") : connection.contains("keep-alive") && !connection.contains("close")
        let head = HTTPRequestHead(
            method: method, target: target, minorVersion: minor, headers: headers, expectsContinue: expectsContinue, keepAlive: keepAlive)
        return (head, framing)
    }

    private static func requestLine(_ line: [UInt8]) throws(HTTPParseError) -> (String, String, Int) {
        let parts = line.split(separator: HTTPSyntax.space, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else { throw .bad("malformed request line") }
        guard parts[0].allSatisfy(HTTPSyntax.isTokenCharacter) else { throw .bad("invalid method") }
        guard parts[1].allSatisfy({ (0x21...0x7E).contains($0) }) else { throw .bad("invalid request target") }
        let version = String(decoding: parts[2], as: UTF8.self)
        let minor: Int
        switch version {
        case "HTTP/1.1": minor = 1
        case "HTTP/1.0": minor = 0
        default:
            let isVersion =
                version.count == 8 && version.hasPrefix("HTTP/")
                && version.utf8.dropFirst(5).enumerated().allSatisfy { index, byte in
                    index == 1 ? byte == UInt8(ascii: ".") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                }
            throw isVersion ? HTTPParseError(505, "only HTTP/1.1 and HTTP/1.0 are supported") : .bad("malformed HTTP version")
        }
        let method = String(decoding: parts[0], as: UTF8.self)
        guard method != "CONNECT" else { throw HTTPParseError(501, "CONNECT is not supported") }
        return (method, try originForm(String(decoding: parts[1], as: UTF8.self), method: method), minor)
    }

    /// The target in origin form: absolute form is reduced to its path and query.
    private static func originForm(_ target: String, method: String) throws(HTTPParseError) -> String {
        if target.hasPrefix("/") { return target }
        if target == "*" && method == "OPTIONS" { return target }
        for scheme in ["http://", "https://"] where target.lowercased().hasPrefix(scheme) {
            let rest = target.dropFirst(scheme.count)
            guard let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return "/" }
            let path = String(rest[slash...])
            return path.hasPrefix("?") ? "/" + path : path
        }
        throw .bad("invalid request target")
    }

    private static func field(_ line: [UInt8], into headers: inout HTTPHeaders) throws(HTTPParseError) {
        guard let first = line.first, first != HTTPSyntax.space, first != HTTPSyntax.tab else {
            throw .bad("obsolete line folding is not accepted")
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { throw .bad("header line without a name and colon") }
        guard line[..<colon].allSatisfy(HTTPSyntax.isTokenCharacter) else { throw .bad("invalid header name (whitespace before the colon?)") }
        let value = line[(colon + 1)...]
        guard value.allSatisfy(HTTPSyntax.isFieldValueCharacter) else { throw .bad("invalid character in a header value") }
        headers.append(String(decoding: line[..<colon], as: UTF8.self), String(decoding: value, as: UTF8.self).trimmingHTTPWhitespace())
    }

    private static func bodyFraming(_ headers: HTTPHeaders, minor: Int, limits: HTTPLimits) throws(HTTPParseError) -> BodyFraming {
        let lengths = headers.values("content-length")
        if !headers.values("transfer-encoding").isEmpty {
            guard minor == 1 else { throw .bad("Transfer-Encoding in an HTTP/1.0 request") }
            guard lengths.isEmpty else { throw .bad("both Transfer-Encoding and Content-Length") }
            guard headers.tokens("transfer-encoding") == ["chunked"] else { throw .bad("only the chunked transfer coding is accepted") }
            return .chunked
        }
        guard let text = lengths.first else { return .none }
        guard lengths.count == 1, (1...18).contains(text.utf8.count), text.utf8.allSatisfy({ (48...57).contains($0) }), let length = Int(text) else {
            throw .bad("invalid or repeated Content-Length")
        }
        guard length <= limits.maximumBodyBytes else { throw HTTPParseError(413, "the body is larger than \(limits.maximumBodyBytes) bytes") }
        return length == 0 ? .none : .length(length)
    }
}
