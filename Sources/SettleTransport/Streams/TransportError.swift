import SettleModel

/// A connection-level failure, numbered as the class reference numbers them: TCP/IP errors
/// (10060 timed out, 10061 refused, 11001 host not found, …), SSL errors (275 cannot verify the
/// certificate chain, 276 handshake error, 280 error verifying the certificate), 201 timeout.
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The class reference's number.
    public var code: ErrorCode
    public var message: String

    public init(code: ErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue) \(message)" }

    static func timedOut(_ what: String) -> TransportError { TransportError(code: .connectionTimeout, "\(what) timed out") }

    /// The Winsock-style number the class reference lists for a POSIX errno.
    static func socket(_ errno: Int32, _ what: String) -> TransportError {
        let code: ErrorCode
        switch errno {
        case ECONNREFUSED: code = .connectionRefused
        case ETIMEDOUT: code = .connectionTimedOut
        case ECONNRESET: code = .connectionReset
        case ENETUNREACH: code = .networkUnreachable
        case EHOSTUNREACH: code = .hostUnreachable
        case EADDRINUSE: code = .addressInUse
        case EADDRNOTAVAIL: code = .addressNotAvailable
        case EACCES, EPERM: code = .accessDenied
        case ECONNABORTED: code = .connectionAborted
        case EPIPE: code = .sendAfterShutdown
        default: code = .socketError
        }
        return TransportError(code: code, "\(what): \(String(cString: strerror(errno)))")
    }
}

#if canImport(Glibc)
import Glibc
#endif
