/// A proxy between us and the processor: the class reference's `FirewallType`, `FirewallHost`,
/// `FirewallPort`, `FirewallUser`, `FirewallPassword` and `ProxyExceptionsList`.
public struct ProxySettings: Sendable, Hashable {
    /// `FirewallType` 1, 2, 10 and 3.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// An HTTP proxy that tunnels with `CONNECT`.
        case httpTunnel = "http"
        case socks4
        /// SOCKS4 with the host name resolved by the proxy.
        case socks4a
        /// SOCKS5 with the host name resolved by the proxy (`socks5h` to libcurl).
        case socks5

        /// The class reference's default `FirewallPort` for the type.
        public var defaultPort: Int { self == .httpTunnel ? 80 : 1080 }
    }

    public var kind: Kind
    public var host: String
    public var port: Int
    public var user: String?
    public var password: String?
    /// Hosts reached directly, without the proxy (exact names or addresses, case-insensitive).
    public var exceptions: [String]

    public init(kind: Kind, host: String, port: Int? = nil, user: String? = nil, password: String? = nil, exceptions: [String] = []) {
        self.kind = kind
        self.host = host
        self.port = port ?? kind.defaultPort
        self.user = user
        self.password = password
        self.exceptions = exceptions
    }

    /// Whether connections to `target` go through the proxy.
    public func applies(to target: String) -> Bool {
        !exceptions.contains { $0.lowercased() == target.lowercased() }
    }
}
