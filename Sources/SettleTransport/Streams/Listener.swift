#if canImport(Glibc)
import Glibc
#endif

/// A listening TCP socket on loopback (the simulator never listens anywhere else).
public final class Listener: @unchecked Sendable {
    // The descriptor is fixed at init; close() may race with accept(), which then fails cleanly.
    private let socket: Socket
    /// The bound port (an ephemeral one when 0 was asked for).
    public let port: Int

    /// Binds 127.0.0.1 (or ::1) on `port`, 0 for any free port.
    public init(port: Int = 0, ipv6: Bool = false) throws(TransportError) {
        guard let networkOrder = UInt16(exactly: port)?.bigEndian else {
            throw TransportError.socket(EINVAL, "listen on loopback port \(port) (ports are 0-65535)")
        }
        BrokenPipe.ignore()
        let descriptor = Glibc.socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TransportError.socket(errno, "socket") }
        let socket = Socket(descriptor: descriptor)
        socket.setOption(SOL_SOCKET, SO_REUSEADDR, 1)
        var bound: Int32
        if ipv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = in_port_t(networkOrder)
            address.sin6_addr = in6addr_loopback
            bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(networkOrder)
            address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
            bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else {
            let error = TransportError.socket(errno, "listen on loopback port \(port)")
            socket.close()
            throw error
        }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) } }
        let networkPort = withUnsafePointer(to: &storage) { pointer in
            ipv6
                ? pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_port }
                : pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_port }
        }
        self.port = Int(UInt16(bigEndian: networkPort))
        self.socket = socket
        try socket.setNonBlocking()
    }

    deinit { socket.close() }

    /// The next client, or `nil` when none came before `deadline`.
    func accept(before deadline: ContinuousClock.Instant) throws(TransportError) -> Socket? {
        guard try socket.wait(for: Int16(POLLIN), before: deadline) else { return nil }
        let client = Glibc.accept(socket.descriptor, nil, nil)
        guard client >= 0 else {
            if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return nil }
            throw TransportError.socket(errno, "accept")
        }
        let accepted = Socket(descriptor: client)
        try accepted.setNonBlocking()
        accepted.setOption(Int32(IPPROTO_TCP), TCP_NODELAY, 1)
        return accepted
    }

    /// Waits for a client and opens its stream: TLS when `context` is given, plain TCP otherwise.
    /// The handshake runs here, so a server that takes many clients uses ``acceptConnection(before:)``.
    public func acceptStream(context: TLSContext?, before deadline: ContinuousClock.Instant) throws(TransportError) -> (any ByteStream)? {
        try acceptConnection(before: deadline)?.openStream(context: context, before: .now + .seconds(10))
    }

    /// Waits for a client and accepts its TCP connection, leaving the TLS handshake to the
    /// caller (``AcceptedConnection/openStream(context:before:)``, on a thread of the client's
    /// own): an accept loop that shook hands itself took one client at a time, so a slow or
    /// silent client held up every other, and a burst of clients overflowed the listen queue.
    public func acceptConnection(before deadline: ContinuousClock.Instant) throws(TransportError) -> AcceptedConnection? {
        try accept(before: deadline).map(AcceptedConnection.init)
    }

    public func close() {
        _ = shutdown(socket.descriptor, Int32(SHUT_RDWR))
    }
}
