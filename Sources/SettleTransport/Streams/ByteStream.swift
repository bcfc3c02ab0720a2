/// A connected byte stream the link runs over: TLS, or plain TCP for tests and private lines.
///
/// Implementations are used by one thread at a time.
public protocol ByteStream: AnyObject, Sendable {
    /// Writes all bytes before `deadline`.
    func write(_ bytes: [UInt8], before deadline: ContinuousClock.Instant) throws(TransportError)
    /// Waits until `deadline` for bytes.
    func read(before deadline: ContinuousClock.Instant) throws(TransportError) -> ReadResult
    /// Closes the connection (a TLS close_notify first, when TLS).
    func close()
}

/// What a read brought.
public enum ReadResult: Sendable, Hashable {
    case bytes([UInt8])
    case closed
    case timedOut
}
