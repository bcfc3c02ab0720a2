import Foundation
import SettleTransport
#if canImport(Glibc)
import Glibc
#endif

/// A blocking client for server tests (TCP, or any stream such as TLS): sends exact bytes,
/// reads responses by their length.
final class RawClient {
    struct Response {
        var status: Int
        var head: String
        var body: String
    }

    private let transmit: ([UInt8]) -> Void
    private let receive: () -> [UInt8]?
    private let finish: () -> Void
    private var buffer: [UInt8] = []

    /// Plain TCP to 127.0.0.1.
    init(port: Int) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw POSIXError(.ECONNREFUSED)
        }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        transmit = { bytes in _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } }
        receive = {
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            return count > 0 ? Array(chunk[0..<count]) : nil
        }
        finish = { close(descriptor) }
    }

    /// Any connected byte stream (TLS in the HTTPS tests), with a 5 s wait per read.
    init(stream: any ByteStream) {
        transmit = { try? stream.write($0, before: .now + .seconds(5)) }
        receive = {
            guard case .bytes(let bytes) = try? stream.read(before: .now + .seconds(5)) else { return nil }
            return bytes
        }
        finish = { stream.close() }
    }

    deinit { finish() }

    func send(_ text: String) {
        transmit(Array(text.utf8))
    }

    func send(bytes: [UInt8]) {
        transmit(bytes)
    }

    /// Reads more bytes; false when the server closed (or the 5 s receive timeout passed).
    private func fill() -> Bool {
        guard let bytes = receive() else { return false }
        buffer += bytes
        return true
    }

    /// The next response, or `nil` if the connection ended first.
    func response() -> Response? {
        let separator: [UInt8] = [13, 10, 13, 10]
        while true {
            if let end = (0..<max(0, buffer.count - 3)).first(where: { Array(buffer[$0..<($0 + 4)]) == separator }) {
                let head = String(decoding: buffer[0..<end], as: UTF8.self)
                let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
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
    func isClosedByServer() -> Bool { buffer.isEmpty && !fill() }
}
