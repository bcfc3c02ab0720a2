import SettleHTTP

/// A request as the server's parser would deliver it, from its raw bytes.
enum BenchRequest {
    static func make(_ method: String, _ target: String, headers: [(String, String)], body: String) -> HTTPRequest? {
        let fields = headers.map { "\($0.0): \($0.1)\r\n" }.joined()
        var parser = HTTPRequestParser()
        parser.append(Array("\(method) \(target) HTTP/1.1\r\nHost: bench\r\n\(fields)Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8))
        var head: HTTPRequestHead?
        var bytes: [UInt8] = []
        while let event = try? parser.next() {
            switch event {
            case .head(let parsed): head = parsed
            case .body(let chunk): bytes += chunk
            case .end: break
            }
        }
        return head.map { HTTPRequest(head: $0, body: bytes) }
    }
}
