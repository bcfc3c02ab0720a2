import SettleModel
import SettleSockets

#if canImport(Glibc)
import Glibc
#endif

/// A TCP socket file descriptor with the few operations the link needs, all deadline-bound.
struct Socket: Sendable {
    let descriptor: Int32

    /// Connects to `host`:`port` (IPv4 or IPv6 as resolved; `preferIPv6` orders the candidates).
    static func connect(
        host: String, port: Int, before deadline: ContinuousClock.Instant, preferIPv6: Bool = false, options: TCPOptions = TCPOptions()
    ) throws(TransportError) -> Socket {
        BrokenPipe.ignore()
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_family = AF_UNSPEC
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw TransportError(code: .hostNotFound, "host not found: \(host) (\(String(cString: gai_strerror(status))))")
        }
        defer { freeaddrinfo(list) }
        var candidates: [UnsafeMutablePointer<addrinfo>] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            candidates.append(entry)
            cursor = entry.pointee.ai_next
        }
        candidates.sort { ($0.pointee.ai_family == AF_INET6) == preferIPv6 && ($1.pointee.ai_family == AF_INET6) != preferIPv6 }
        var lastError = TransportError(code: .connectionRefused, "no address to connect to for \(host)")
        for entry in candidates {
            let descriptor = socket(entry.pointee.ai_family, entry.pointee.ai_socktype, entry.pointee.ai_protocol)
            guard descriptor >= 0 else { continue }
            let candidate = Socket(descriptor: descriptor)
            do throws(TransportError) {
                try candidate.apply(options, family: entry.pointee.ai_family)
                try candidate.setNonBlocking()
                if Glibc.connect(descriptor, entry.pointee.ai_addr, entry.pointee.ai_addrlen) != 0 {
                    guard errno == EINPROGRESS else { throw TransportError.socket(errno, "connect to \(host):\(port)") }
                    guard try candidate.wait(for: Int16(POLLOUT), before: deadline) else {
                        throw TransportError.timedOut("connect to \(host):\(port)")
                    }
                    var error: Int32 = 0
                    var length = socklen_t(MemoryLayout<Int32>.size)
                    getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &length)
                    if error != 0 { throw TransportError.socket(error, "connect to \(host):\(port)") }
                }
                return candidate
            } catch {
                candidate.close()
                lastError = error
            }
        }
        throw lastError
    }

    /// Socket options, and the local address when one is configured (before connecting).
    func apply(_ options: TCPOptions, family: Int32) throws(TransportError) {
        setOption(Int32(IPPROTO_TCP), TCP_NODELAY, options.noDelay ? 1 : 0)
        if options.keepAlive {
            setOption(SOL_SOCKET, SO_KEEPALIVE, 1)
            setOption(Int32(IPPROTO_TCP), TCP_KEEPIDLE, Int32(clamping: max(1, options.keepAliveTime.components.seconds)))
            setOption(Int32(IPPROTO_TCP), TCP_KEEPINTVL, Int32(clamping: max(1, options.keepAliveInterval.components.seconds)))
        }
        if let seconds = options.lingerSeconds {
            var value = linger(l_onoff: 1, l_linger: Int32(clamping: seconds))
            setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &value, socklen_t(MemoryLayout<linger>.size))
        }
        guard options.localHost != nil || options.localPort != nil else { return }
        setOption(SOL_SOCKET, SO_REUSEADDR, 1)
        var hints = addrinfo()
        hints.ai_family = family
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(options.localHost, String(options.localPort ?? 0), &hints, &list) == 0, let local = list else {
            throw TransportError(code: .addressNotAvailable, "cannot use local address \(options.localHost ?? "*"):\(options.localPort ?? 0)")
        }
        defer { freeaddrinfo(list) }
        guard bind(descriptor, local.pointee.ai_addr, local.pointee.ai_addrlen) == 0 else {
            throw TransportError.socket(errno, "bind to local address \(options.localHost ?? "*"):\(options.localPort ?? 0)")
        }
    }

    /// An integer socket option's value (tests check what was set).
    func option(_ level: Int32, _ name: Int32) -> Int32 {
        var value: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(descriptor, level, name, &value, &length)
        return value
    }

    /// The local port of the connection.
    var localPort: Int { LocalAddress.port(of: descriptor) }

    func setNonBlocking() throws(TransportError) {
        let flags = fcntl(descriptor, F_GETFL, 0)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) == 0 else { throw TransportError.socket(errno, "fcntl") }
    }

    func setOption(_ level: Int32, _ name: Int32, _ value: Int32) {
        var value = value
        setsockopt(descriptor, level, name, &value, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Waits for `events` until `deadline`; `false` when the deadline passed first.
    func wait(for events: Int16, before deadline: ContinuousClock.Instant) throws(TransportError) -> Bool {
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            let milliseconds = max(0, Int32(clamping: remaining.saturatingMilliseconds))
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&entry, 1, milliseconds)
            if ready > 0 { return true }
            if ready == 0 {
                // Milliseconds round down: keep waiting until the deadline has really passed.
                if ContinuousClock.now >= deadline { return false }
                continue
            }
            if errno != EINTR { throw TransportError.socket(errno, "poll") }
        }
    }

    func close() { _ = Glibc.close(descriptor) }
}
