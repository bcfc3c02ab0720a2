import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking keep-alive HTTP/1.1 client for the benchmark: sends a request, reads the response
/// by its Content-Length, and times each exchange.
final class HTTPBenchClient {
    private let descriptor: Int32
    private var buffer: [UInt8] = []

    init(port: Int) {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var one: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    deinit { close(descriptor) }

    /// Sends `request` and returns the response status and the time the exchange took.
    func exchange(_ request: [UInt8]) -> (Int, Duration) {
        let started = ContinuousClock.now
        _ = request.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        let separator: [UInt8] = [13, 10, 13, 10]
        var headEnd: Int?
        var length = 0
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            if headEnd == nil, let end = buffer.firstRange(of: separator)?.lowerBound {
                headEnd = end
                let head = String(decoding: buffer[0..<end], as: UTF8.self).lowercased()
                if let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }) {
                    length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
                }
            }
            if let end = headEnd, buffer.count >= end + 4 + length {
                let status = Int(String(decoding: buffer[9..<12], as: UTF8.self)) ?? 0
                buffer.removeFirst(end + 4 + length)
                return (status, ContinuousClock.now - started)
            }
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return (0, ContinuousClock.now - started) }
            buffer += chunk[0..<count]
        }
    }
}
