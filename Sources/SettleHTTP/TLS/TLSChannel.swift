import COpenSSL

/// TLS over the socket with OpenSSL. The handshake happens inside the first reads and writes;
/// a client that cannot complete it (plain HTTP on the TLS port, an unknown version) is closed.
final class TLSChannel: ByteChannel {
    private let ssl: OpaquePointer
    private let descriptor: Int32

    init(ssl: OpaquePointer, descriptor: Int32) {
        self.ssl = ssl
        self.descriptor = descriptor
    }

    deinit { SSL_free(ssl) }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> ChannelResult {
        outcome(SSL_read(ssl, buffer.baseAddress, Int32(clamping: buffer.count)))
    }

    func write(_ bytes: UnsafeRawBufferPointer) -> ChannelResult {
        outcome(SSL_write(ssl, bytes.baseAddress, Int32(clamping: bytes.count)))
    }

    // SSL_has_pending also counts a record read but not yet decrypted, which SSL_pending does not.
    var hasBufferedInput: Bool { SSL_pending(ssl) > 0 || SSL_has_pending(ssl) == 1 }

    var isEstablished: Bool { SSL_is_init_finished(ssl) == 1 }

    func finish() {
        // Best effort: a non-blocking close_notify; the peer may already be gone.
        if SSL_is_init_finished(ssl) == 1 { SSL_shutdown(ssl) }
    }

    private func outcome(_ result: Int32) -> ChannelResult {
        if result > 0 { return .transferred(Int(result)) }
        switch SSL_get_error(ssl, result) {
        case SSL_ERROR_WANT_READ: return .wantRead
        case SSL_ERROR_WANT_WRITE: return .wantWrite
        default:
            // A failed handshake or a broken record leaves errors queued for this thread;
            // they describe this connection only, so they are dropped with it.
            ERR_clear_error()
            return .closed
        }
    }
}
