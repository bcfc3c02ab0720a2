#if canImport(Glibc)
import Glibc
import SettleModel
#endif

/// A plain TCP connection (the historic private-line service, and simulator tests without TLS).
public final class PlainStream: ByteStream, @unchecked Sendable {
    // One thread uses a stream at a time.
    private let socket: Socket
    private var isClosed = false

    init(socket: Socket) { self.socket = socket }

    deinit { close() }

    /// Connects to `host`:`port`, directly or through `proxy` (unless the host is one of its exceptions).
    public static func connect(
        host: String, port: Int, before deadline: ContinuousClock.Instant, preferIPv6: Bool = false, options: TCPOptions = TCPOptions(),
        proxy: ProxySettings? = nil
    ) throws(TransportError) -> PlainStream {
        guard let proxy, proxy.applies(to: host) else {
            return PlainStream(socket: try Socket.connect(host: host, port: port, before: deadline, preferIPv6: preferIPv6, options: options))
        }
        let stream = PlainStream(
            socket: try Socket.connect(host: proxy.host, port: proxy.port, before: deadline, preferIPv6: preferIPv6, options: options))
        try ProxyTunnel.open(stream, to: host, port: port, through: proxy, before: deadline)
        return stream
    }

    /// Hands the socket over (to TLS) without closing it.
    func detach() -> Socket {
        isClosed = true
        return socket
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
        try read(atMost: 4096, before: deadline)
    }

    func read(atMost limit: Int, before deadline: ContinuousClock.Instant) throws(TransportError) -> ReadResult {
        var buffer = [UInt8](repeating: 0, count: limit)
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

    /// Exactly `count` bytes, never more (proxy handshakes: what follows belongs to the host).
    func readExactly(_ count: Int, before deadline: ContinuousClock.Instant) throws(TransportError) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < count {
            switch try read(atMost: count - bytes.count, before: deadline) {
            case .bytes(let chunk): bytes += chunk
            case .closed: throw TransportError(code: .connectionReset, "the proxy closed the connection during its handshake")
            case .timedOut: throw TransportError.timedOut("proxy handshake")
            }
        }
        return bytes
    }

    /// An HTTP response head, up to and including its blank line, read a byte at a time.
    func readHead(limit: Int, before deadline: ContinuousClock.Instant) throws(TransportError) -> String {
        var bytes: [UInt8] = []
        while !bytes.suffix(4).elementsEqual([13, 10, 13, 10]) {
            guard bytes.count < limit else { throw TransportError(code: .connectionRefused, "the proxy's answer is longer than \(limit) bytes") }
            bytes += try readExactly(1, before: deadline)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public func close() {
        guard !isClosed else { return }
        isClosed = true
        socket.close()
    }
}
