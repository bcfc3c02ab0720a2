/// Socket options for the processor connection: the class reference's `TcpNoDelay`,
/// `TCPKeepAlive` / `KeepAliveTime` / `KeepAliveInterval`, `Linger` / `LingerTime` and
/// `LocalHost` / `LocalPort`.
public struct TCPOptions: Sendable, Hashable {
    /// Send each block at once (Nagle off). On by default: the link waits for every block's
    /// acknowledgement, and Nagle's delay would add to each round trip.
    public var noDelay: Bool
    public var keepAlive: Bool
    /// Idle time before the first keep-alive probe (whole seconds on Linux).
    public var keepAliveTime: Duration
    /// Interval between unanswered probes.
    public var keepAliveInterval: Duration
    /// `nil`: the system default close; a value: `SO_LINGER` with that many seconds (0 resets).
    public var lingerSeconds: Int?
    /// Bind the local end to this address and/or port before connecting.
    public var localHost: String?
    public var localPort: Int?

    public init(
        noDelay: Bool = true, keepAlive: Bool = false, keepAliveTime: Duration = .seconds(7200),
        keepAliveInterval: Duration = .seconds(75), lingerSeconds: Int? = nil, localHost: String? = nil, localPort: Int? = nil
    ) {
        self.noDelay = noDelay
        self.keepAlive = keepAlive
        self.keepAliveTime = keepAliveTime
        self.keepAliveInterval = keepAliveInterval
        self.lingerSeconds = lingerSeconds
        self.localHost = localHost
        self.localPort = localPort
    }
}
