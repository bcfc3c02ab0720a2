#if canImport(Glibc)
import Glibc
#endif

/// The local end of a socket, for the two places that bind one: the HTTP server's listener
/// and the processor link's optional local port.
public enum LocalAddress {
    /// The bound local port of `descriptor` (IPv4 or IPv6), 0 if it cannot be read.
    public static func port(of descriptor: Int32) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard status == 0 else { return 0 }
        let isIPv6 = storage.ss_family == sa_family_t(AF_INET6)
        let port = withUnsafePointer(to: &storage) { pointer in
            isIPv6
                ? pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_port }
                : pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_port }
        }
        return Int(UInt16(bigEndian: port))
    }
}
