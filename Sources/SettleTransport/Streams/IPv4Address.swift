#if canImport(Glibc)
import Glibc
#endif

/// IPv4 addresses as the four bytes SOCKS4 sends.
enum IPv4Address {
    /// The bytes of a dotted-quad literal, or `nil` when `text` is not one.
    static func parse(_ text: String) -> [UInt8]? {
        var address = in_addr()
        guard inet_pton(AF_INET, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: address.s_addr) { Array($0) }
    }

    /// The first IPv4 address of `host` (SOCKS4 cannot carry a name or an IPv6 address).
    static func resolve(_ host: String) -> [UInt8]? {
        var hints = addrinfo()
        hints.ai_family = AF_INET
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return nil }
        defer { freeaddrinfo(list) }
        return first.pointee.ai_addr.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
            withUnsafeBytes(of: pointer.pointee.sin_addr.s_addr) { Array($0) }
        }
    }
}
