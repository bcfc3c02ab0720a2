/// A client's TCP connection taken from a ``Listener``, before any TLS handshake.
public struct AcceptedConnection: Sendable {
    let socket: Socket

    /// Opens the connection's stream: TLS when `context` is given (the handshake must finish
    /// before `deadline`), plain TCP otherwise. The connection is closed when this fails.
    public func openStream(context: TLSContext?, before deadline: ContinuousClock.Instant) throws(TransportError) -> any ByteStream {
        guard let context else { return PlainStream(socket: socket) }
        return try TLSStream.accept(socket: socket, context: context, before: deadline)
    }
}
