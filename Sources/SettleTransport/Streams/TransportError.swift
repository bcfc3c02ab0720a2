import SettleModel

/// A connection-level failure, numbered as the class reference numbers them: TCP/IP errors
/// (10060 timed out, 10061 refused, 11001 host not found, …), SSL errors (275 cannot verify the
/// certificate chain, 276 handshake error, 280 error verifying the certificate), 201 timeout.
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The class reference's number.
    public var code: Int
    public var message: String

    public init(code: Int, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code) \(message)" }

    static func timedOut(_ what: String) -> TransportError { TransportError(code: ErrorCode.connectionTimeout.rawValue, "\(what) timed out") }

    /// The Winsock-style number the class reference lists for a POSIX errno.
    static func socket(_ errno: Int32, _ what: String) -> TransportError {
        let code: Int
        switch errno {
        case ECONNREFUSED: code = 10061
        case ETIMEDOUT: code = 10060
        case ECONNRESET: code = 10054
        case ENETUNREACH: code = 10051
        case EHOSTUNREACH: code = 10065
        case EADDRINUSE: code = 10048
        case EADDRNOTAVAIL: code = 10049
        case EACCES: code = 10013
        case ECONNABORTED: code = 10053
        case EPIPE: code = 10058
        default: code = 10000 + Int(errno)
        }
        return TransportError(code: code, "\(what): \(String(cString: strerror(errno)))")
    }
}

#if canImport(Glibc)
import Glibc
#endif
