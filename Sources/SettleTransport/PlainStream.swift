#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection (the historic private-line service, and simulator tests without TLS).
public final class PlainStream: ByteStream, @unchecked Sendable {
    // One thread uses a stream at a time.
    private let socket: Socket
    private var isClosed = false

    init(socket: Socket) { self.socket = socket }

    deinit { close() }

    public static func connect(
        host: String, port: Int, before deadline: ContinuousClock.Instant, preferIPv6: Bool = false, options: TCPOptions = TCPOptions()
    ) throws(TransportError) -> PlainStream {
        PlainStream(socket: try Socket.connect(host: host, port: port, before: deadline, preferIPv6: preferIPv6, options: options))
    }

    /// The socket, for tests that check its options.
    var underlyingSocket: Socket { socket }

    public func write(_ bytes: [UInt8], before deadline: ContinuousClock.Instant) throws(TransportError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { send(socket.descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written > 0 {
                offset += written
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                guard try socket.wait(for: Int16(POLLOUT), before: deadline) else { throw TransportError.timedOut("write") }
            } else if errno != EINTR {
                throw TransportError.socket(errno, "write")
            }
        }
    }

    public func read(before deadline: ContinuousClock.Instant) throws(TransportError) -> ReadResult {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket.descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 { return .bytes(Array(buffer.prefix(count))) }
            if count == 0 { return .closed }
            if errno == EAGAIN || errno == EWOULDBLOCK {
                guard try socket.wait(for: Int16(POLLIN), before: deadline) else { return .timedOut }
            } else if errno == ECONNRESET {
                return .closed
            } else if errno != EINTR {
                throw TransportError.socket(errno, "read")
            }
        }
    }

    public func close() {
        guard !isClosed else { return }
        isClosed = true
        socket.close()
    }
}
