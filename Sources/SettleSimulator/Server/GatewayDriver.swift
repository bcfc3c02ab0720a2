import Foundation
import SettleModel
import SettleTransport

/// Serves one HTTP/1.1 request on a connection the way the TSYS gateway does: read the POST,
/// answer `x-data/xact-response` or `x-data/xact-error`, close.
enum GatewayDriver {
    static let maximumHeaderBytes = 16 * 1024
    static let maximumBodyBytes = 4 * 1024 * 1024

    static func run(_ exchange: GatewayExchange, over stream: any ByteStream) -> HostTranscript {
        var transcript = HostTranscript()
        defer { stream.close() }
        guard let request = read(stream) else {
            write(stream, status: "400 Bad Request", contentType: "text/plain", body: Array("bad request".utf8))
            return transcript
        }
        // A slow gateway (the script's processing delay) still notices a client that hangs up.
        let answerAt = ContinuousClock.now + exchange.script.processingDelay
        while ContinuousClock.now < answerAt {
            if case .closed? = try? stream.read(before: min(answerAt, .now + .milliseconds(50))) { return transcript }
        }
        switch exchange.handle(method: request.method, contentType: request.headers["content-type"], body: request.body) {
        case .response(let bytes):
            write(stream, status: "200 OK", contentType: "x-data/xact-response", body: bytes)
            transcript.clientAcknowledgedResponse = true
        case .error(let code, let text):
            write(stream, status: "200 OK", contentType: "x-data/xact-error", body: Array("\(code.rawValue) - \(text)".utf8))
        }
        return transcript
    }

    private struct Request {
        var method: String
        var headers: [String: String]
        var body: [UInt8]
    }

    private static func read(_ stream: any ByteStream) -> Request? {
        var buffer: [UInt8] = []
        let deadline = ContinuousClock.now + .seconds(30)
        var headerEnd: Int?
        while headerEnd == nil {
            guard buffer.count <= maximumHeaderBytes, case .bytes(let bytes)? = try? stream.read(before: deadline) else { return nil }
            buffer += bytes
            headerEnd = find(Array("\r\n\r\n".utf8), in: buffer)
        }
        guard let end = headerEnd else { return nil }
        let head = String(decoding: buffer[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = head[0].split(separator: " ")
        guard requestLine.count == 3 else { return nil }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        guard let length = Int(headers["content-length"] ?? "0"), length >= 0, length <= maximumBodyBytes else { return nil }
        var body = Array(buffer[(end + 4)...])
        while body.count < length {
            guard case .bytes(let bytes)? = try? stream.read(before: deadline) else { return nil }
            body += bytes
        }
        return Request(method: String(requestLine[0]), headers: headers, body: Array(body.prefix(length)))
    }

    private static func write(_ stream: any ByteStream, status: String, contentType: String, body: [UInt8]) {
        let head = "HTTP/1.1 \(status)\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        try? stream.write(Array(head.utf8) + body, before: .now + .seconds(30))
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}
