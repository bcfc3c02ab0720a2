import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Which webhook URLs and addresses deliveries may go to, so configuration cannot turn the
/// service into a way into the operator's network (request forgery): `https` only, or `http` to
/// loopback; no user information; and no address in a private, link-local (cloud metadata),
/// shared or reserved range unless private networks are allowed. Addresses are checked when the
/// endpoint is configured and again at every delivery (a name may resolve elsewhere later), and
/// the delivery connects to the address that was checked.
public struct WebhookAddressPolicy: Sendable, Hashable {
    /// Whether private ranges (10/8, 172.16/12, 192.168/16, fc00::/7 and the like) are allowed.
    public var allowsPrivateNetworks: Bool

    public init(allowsPrivateNetworks: Bool = false) {
        self.allowsPrivateNetworks = allowsPrivateNetworks
    }

    /// `text` as a webhook URL, or why not.
    public func url(_ text: String) throws(WebhookConfigurationError) -> URL {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(), let host = components.host,
            !host.isEmpty, let url = components.url
        else { throw WebhookConfigurationError("the webhook URL is not a URL such as https://hooks.example.com/tsys") }
        guard components.user == nil && components.password == nil else {
            throw WebhookConfigurationError("the webhook URL may not carry a user or password (the signature authenticates deliveries)")
        }
        guard components.fragment == nil else { throw WebhookConfigurationError("the webhook URL may not have a fragment (#...)") }
        let loopback = Self.isLoopbackName(host)
        guard scheme == "https" || (scheme == "http" && loopback) else {
            throw WebhookConfigurationError(
                "webhook URLs are https (http only to loopback, such as http://127.0.0.1:9000/hook); this one is \(scheme)://\(host)/…")
        }
        return url
    }

    /// The addresses `host` resolves to, each allowed by the policy; throws naming the first one
    /// that is not, or when it resolves to none.
    public func addresses(of host: String, port: Int) throws(WebhookConfigurationError) -> [String] {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(bare, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw WebhookConfigurationError("the webhook host \(host) cannot be resolved: \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(first) }
        var addresses: [String] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            if let address = Self.text(info.pointee.ai_addr), !addresses.contains(address) { addresses.append(address) }
            cursor = info.pointee.ai_next
        }
        guard !addresses.isEmpty else { throw WebhookConfigurationError("the webhook host \(host) resolves to no address") }
        // Loopback for a loopback name only: a public name that resolves to this machine is
        // someone pointing deliveries at the service's own host.
        if !Self.isLoopbackName(host), let address = addresses.first(where: { Self.range(of: $0) == .loopback }) {
            throw WebhookConfigurationError(
                "the webhook host \(host) resolves to \(address), this machine; name loopback as localhost or 127.0.0.1 if that is meant")
        }
        for address in addresses where !allows(address) {
            throw WebhookConfigurationError(
                "the webhook host \(host) resolves to \(address), in a private or reserved range; deliveries there are refused unless private networks are allowed (--webhook-allow-private-networks)"
            )
        }
        return addresses
    }

    /// Whether deliveries may go to `address` (numeric IPv4 or IPv6).
    public func allows(_ address: String) -> Bool {
        switch Self.range(of: address) {
        case .loopback, .public: true
        case .private: allowsPrivateNetworks
        case .reserved, nil: false
        }
    }

    enum Range { case loopback, `private`, reserved, `public` }

    /// Which kind of range `address` is in; nil when it is not a numeric address.
    static func range(of address: String) -> Range? {
        var v4 = in_addr()
        if inet_pton(AF_INET, address, &v4) == 1 {
            let a = withUnsafeBytes(of: v4.s_addr) { Array($0) }
            switch (a[0], a[1]) {
            case (127, _): return .loopback
            case (10, _), (172, 16...31), (192, 168): return .private
            case (0, _), (169, 254), (100, 64...127), (192, 0), (198, 18...19), (224...255, _): return .reserved
            default: return .public
            }
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, address, &v6) == 1 else { return nil }
        let b = withUnsafeBytes(of: v6) { Array($0) }
        if b[0..<15].allSatisfy({ $0 == 0 }) { return b[15] == 1 ? .loopback : .reserved }
        let zeros = { (range: Swift.Range<Int>) in b[range].allSatisfy { $0 == 0 } }
        // Forms that carry an IPv4 address, which decides: IPv4-mapped (::ffff:a.b.c.d),
        // IPv4-compatible (::a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d), NAT64 (64:ff9b::/96),
        // and 6to4 (2002:AABB:CCDD::/48).
        // Loopback inside them is not this machine (a NAT64 gateway or 6to4 relay carries it off).
        func embedded(_ at: Int) -> Range? {
            let inner = range(of: "\(b[at]).\(b[at + 1]).\(b[at + 2]).\(b[at + 3])")
            return inner == .loopback && !(zeros(0..<10) && b[10] == 0xff && b[11] == 0xff) ? .reserved : inner
        }
        if zeros(0..<10) && b[10] == 0xff && b[11] == 0xff { return embedded(12) }
        if zeros(0..<12) { return embedded(12) }
        if zeros(0..<8) && b[8] == 0xff && b[9] == 0xff && b[10] == 0 && b[11] == 0 { return embedded(12) }
        if b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b {
            // 64:ff9b::/96 embeds the address; 64:ff9b:1::/48 is for local networks.
            return zeros(4..<12) ? embedded(12) : .reserved
        }
        if b[0] == 0x20 && b[1] == 0x02 { return embedded(2) }
        if b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00 { return .reserved }  // Teredo
        if b[0] & 0xfe == 0xfc { return .private }
        if b[0] == 0xfe && b[1] & 0xc0 == 0x80 { return .reserved }  // link-local
        if b[0] == 0xfe && b[1] & 0xc0 == 0xc0 { return .reserved }  // site-local (deprecated)
        if b[0] == 0xff { return .reserved }  // multicast
        if b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8 { return .reserved }  // documentation
        return .public
    }

    static func isLoopbackName(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return bare.lowercased() == "localhost" || range(of: bare) == .loopback
    }

    private static func text(_ address: UnsafeMutablePointer<sockaddr>?) -> String? {
        guard let address else { return nil }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { v4 in
                var value = v4.pointee.sin_addr
                return inet_ntop(AF_INET, &value, &buffer, socklen_t(buffer.count)).map { String(cString: $0) }
            }
        case AF_INET6:
            return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { v6 in
                var value = v6.pointee.sin6_addr
                return inet_ntop(AF_INET6, &value, &buffer, socklen_t(buffer.count)).map { String(cString: $0) }
            }
        default: return nil
        }
    }
}
