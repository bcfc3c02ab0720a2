import Foundation
import SettleTransport

#if canImport(Glibc)
import Glibc
#endif

/// A blocking HTTP/1.1 client for tests and benchmarks: sends exact bytes (malformed ones
/// included), reads responses by their `Content-Length`, over plain TCP or any ``ByteStream``
/// (TLS). Reads wait at most 5 s (15 s over TLS, whose handshake and records a loaded machine
/// slows most). The synchronous calls block their thread; from async code
/// the `async` overloads block a thread of their own instead, never the cooperative pool (where
/// the server under test runs its handlers). Used by one caller at a time.
public final class HTTPTestClient: @unchecked Sendable {
    /// One response as received.
    public struct Response: Sendable {
        public var status: Int
        public var head: String
        public var body: String
    }

    private let transmit: ([UInt8]) -> Void
    private let receive: () -> [UInt8]?
    private let finish: () -> Void
    /// Ends the client's sending, not its reading (plain TCP only).
    private let endSending: (() -> Void)?
    private var buffer: [UInt8] = []

    /// Plain TCP to 127.0.0.1, with Nagle off (benchmarks time single exchanges).
    public init(port: Int) throws {
        let descriptor = try LoopbackSocket.connect(port: port)
        transmit = { bytes in _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } }
        receive = {
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            return count > 0 ? Array(chunk[0..<count]) : nil
        }
        finish = { Glibc.close(descriptor) }
        endSending = { _ = Glibc.shutdown(descriptor, Int32(SHUT_WR)) }
    }

    /// Any connected byte stream (TLS in the HTTPS tests).
    public init(stream: any ByteStream) {
        transmit = { try? stream.write($0, before: .now + .seconds(5)) }
        receive = {
            guard case .bytes(let bytes) = try? stream.read(before: .now + .seconds(15)) else { return nil }
            return bytes
        }
        finish = { stream.close() }
        endSending = nil
    }

    private var isClosed = false

    deinit { close() }

    /// Closes the connection (once).
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        finish()
    }

    /// Half-closes: sends end of input (`shutdown(SHUT_WR)`, as `nc -N` does) and keeps reading.
    /// Returns false where it cannot (a TLS stream).
    @discardableResult
    public func halfClose() -> Bool {
        guard let endSending, !isClosed else { return false }
        endSending()
        return true
    }

    public func send(_ text: String) {
        transmit(Array(text.utf8))
    }

    public func send(bytes: [UInt8]) {
        transmit(bytes)
    }

    /// Sends `request` and returns the response status (0 if none came) and the time taken.
    public func exchange(_ request: [UInt8]) -> (status: Int, time: Duration) {
        let started = ContinuousClock.now
        transmit(request)
        return (response()?.status ?? 0, ContinuousClock.now - started)
    }

    /// The next response, or `nil` if the connection ended first.
    public func response() -> Response? {
        let separator: [UInt8] = [13, 10, 13, 10]
        while true {
            if let end = buffer.firstRange(of: separator)?.lowerBound {
                let head = String(decoding: buffer[0..<end], as: UTF8.self)
                let length =
                    head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                    .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
                let status = Int(head.split(separator: " ")[1]) ?? 0
                let bodyLength = status == 100 ? 0 : length
                while buffer.count < end + 4 + bodyLength { guard fill() else { return nil } }
                let body = String(decoding: buffer[(end + 4)..<(end + 4 + bodyLength)], as: UTF8.self)
                buffer.removeFirst(end + 4 + bodyLength)
                return Response(status: status, head: head, body: body)
            }
            guard fill() else { return nil }
        }
    }

    /// Whether the server has closed the connection (reads end without more data).
    public func isClosedByServer() -> Bool { buffer.isEmpty && !fill() }

    /// ``response()`` on a thread of its own.
    public func response() async -> Response? { await Self.offPool { self.response() } }

    /// ``isClosedByServer()`` on a thread of its own.
    public func isClosedByServer() async -> Bool { await Self.offPool { self.isClosedByServer() } }

    /// ``exchange(_:)`` on a thread of its own.
    public func exchange(_ request: [UInt8]) async -> (status: Int, time: Duration) { await Self.offPool { self.exchange(request) } }

    private static func offPool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in Thread.detachNewThread { continuation.resume(returning: body()) } }
    }

    /// Reads more bytes; false when the server closed (or the 5 s wait passed).
    private func fill() -> Bool {
        guard let bytes = receive() else { return false }
        buffer += bytes
        return true
    }
}
