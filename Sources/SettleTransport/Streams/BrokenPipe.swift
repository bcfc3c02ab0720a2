#if canImport(Glibc)
import Glibc
#endif

/// OpenSSL writes to sockets with write(2), which raises SIGPIPE when the peer has gone; that
/// would kill the process. The transport ignores SIGPIPE once, before any socket is used, and
/// sees the failure as EPIPE instead (as SwiftNIO does).
enum BrokenPipe {
    static let ignored: Bool = {
        signal(SIGPIPE, SIG_IGN)
        return true
    }()

    static func ignore() { _ = ignored }
}
