/// What one read or write on a connection did.
enum ChannelResult: Equatable {
    case transferred(Int)
    /// Try again when the socket is readable.
    case wantRead
    /// Try again when the socket is writable.
    case wantWrite
    /// The peer closed, or the connection failed.
    case closed
}

/// The bytes of one connection: plain TCP or TLS over it. Non-blocking; used only on the
/// connection's queue.
protocol ByteChannel: AnyObject {
    func read(into buffer: UnsafeMutableRawBufferPointer) -> ChannelResult
    func write(_ bytes: UnsafeRawBufferPointer) -> ChannelResult
    /// Bytes already taken off the socket but not yet read (TLS records); the socket's read
    /// event will not announce them.
    var hasBufferedInput: Bool { get }
    /// False while a TLS handshake is unfinished (held to the header-read timeout, not the idle one).
    var isEstablished: Bool { get }
    /// Ends the session (a TLS close_notify, best effort); the descriptor is closed by the caller.
    func finish()
}
