#if canImport(Glibc)
import Glibc
#endif

/// Plain TCP: `recv` and `send` on the socket.
final class PlainChannel: ByteChannel {
    private let descriptor: Int32

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> ChannelResult {
        while true {
            let count = recv(descriptor, buffer.baseAddress, buffer.count, 0)
            if count > 0 { return .transferred(count) }
            if count == 0 { return .closed }
            if errno == EINTR { continue }
            return errno == EAGAIN || errno == EWOULDBLOCK ? .wantRead : .closed
        }
    }

    func write(_ bytes: UnsafeRawBufferPointer) -> ChannelResult {
        while true {
            let sent = send(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            if sent >= 0 { return .transferred(sent) }
            if errno == EINTR { continue }
            return errno == EAGAIN || errno == EWOULDBLOCK ? .wantWrite : .closed
        }
    }

    var hasBufferedInput: Bool { false }

    var isEstablished: Bool { true }

    func finish() {}
}
