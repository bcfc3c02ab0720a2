import COpenSSL
import CSettleTLS

#if canImport(Glibc)
import Glibc
import SettleModel
#endif

/// A TLS connection over a non-blocking TCP socket; every operation is bound by a deadline.
public final class TLSStream: ByteStream, @unchecked Sendable {
    // One thread uses a stream at a time (the link driver, or one simulator connection).
    private let socket: Socket
    private let ssl: OpaquePointer
    private var isClosed = false

    private init(socket: Socket, ssl: OpaquePointer) {
        self.socket = socket
        self.ssl = ssl
    }

    deinit {
        close()
        SSL_free(ssl)
    }

    /// Connects and completes the handshake, verifying the host as `context`'s settings say.
    public static func connect(
        host: String, port: Int, context: TLSContext, before deadline: ContinuousClock.Instant, preferIPv6: Bool = false,
        options: TCPOptions = TCPOptions(), proxy: ProxySettings? = nil
    ) throws(TransportError) -> TLSStream {
        let socket = try PlainStream.connect(host: host, port: port, before: deadline, preferIPv6: preferIPv6, options: options, proxy: proxy)
            .detach()
        guard let ssl = SSL_new(context.context) else {
            socket.close()
            throw TLSContext.error(.cannotAcquireCredentials, "cannot create a TLS session")
        }
        let stream = TLSStream(socket: socket, ssl: ssl)
        SSL_set_fd(ssl, socket.descriptor)
        let name = context.settings.serverName ?? host
        if context.settings.verifiesPeer && context.settings.acceptedServerCertificatePEM == nil {
            // Chain verification is in the context; the name is checked here (IP addresses as such).
            if isIPAddress(name) {
                X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), name)
            } else {
                SSL_set1_host(ssl, name)
            }
        }
        if !isIPAddress(name) { _ = tsys_ssl_set_sni(ssl, name) }
        try stream.handshake(before: deadline) { SSL_connect($0) }
        if let pinned = context.settings.acceptedServerCertificatePEM { try stream.checkPinned(pinned) }
        return stream
    }

    /// Accepts the TLS handshake of a connected client socket (server side).
    static func accept(socket: Socket, context: TLSContext, before deadline: ContinuousClock.Instant) throws(TransportError) -> TLSStream {
        guard let ssl = SSL_new(context.context) else {
            socket.close()
            throw TLSContext.error(.cannotAcquireCredentials, "cannot create a TLS session")
        }
        let stream = TLSStream(socket: socket, ssl: ssl)
        SSL_set_fd(ssl, socket.descriptor)
        try stream.handshake(before: deadline) { SSL_accept($0) }
        return stream
    }

    private func handshake(before deadline: ContinuousClock.Instant, _ step: (OpaquePointer) -> Int32) throws(TransportError) {
        while true {
            let result = step(ssl)
            if result == 1 { return }
            switch SSL_get_error(ssl, result) {
            case SSL_ERROR_WANT_READ:
                guard try socket.wait(for: Int16(POLLIN), before: deadline) else { throw TransportError.timedOut("TLS handshake") }
            case SSL_ERROR_WANT_WRITE:
                guard try socket.wait(for: Int16(POLLOUT), before: deadline) else { throw TransportError.timedOut("TLS handshake") }
            default:
                let verify = SSL_get_verify_result(ssl)
                if verify != X509_V_OK {
                    let reason = String(cString: X509_verify_cert_error_string(verify))
                    ERR_clear_error()
                    throw TransportError(code: .cannotVerifyCertificateChain, "cannot verify the host's certificate: \(reason)")
                }
                throw TLSContext.error(.handshakeFailed, "TLS handshake failed")
            }
        }
    }

    /// `SSLAcceptServerCertEncoded`: the host must present exactly this certificate.
    private func checkPinned(_ pem: String) throws(TransportError) {
        let expected = try PEM.certificates(pem)
        defer { expected.forEach { X509_free($0) } }
        guard let presented = SSL_get1_peer_certificate(ssl) else {
            throw TransportError(code: .serverCertificateNotFound, "the host presented no certificate")
        }
        defer { X509_free(presented) }
        guard let first = expected.first, PEM.der(first) == PEM.der(presented) else {
            throw TransportError(code: .certificateVerificationFailed, "the host's certificate is not the one configured to be accepted")
        }
    }

    public func write(_ bytes: [UInt8], before deadline: ContinuousClock.Instant) throws(TransportError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { SSL_write(ssl, $0.baseAddress, Int32($0.count)) }
            if written > 0 {
                offset += Int(written)
                continue
            }
            switch SSL_get_error(ssl, written) {
            case SSL_ERROR_WANT_WRITE:
                guard try socket.wait(for: Int16(POLLOUT), before: deadline) else { throw TransportError.timedOut("write") }
            case SSL_ERROR_WANT_READ:
                guard try socket.wait(for: Int16(POLLIN), before: deadline) else { throw TransportError.timedOut("write") }
            default:
                throw TLSContext.error(.encryptionFailed, "error encrypting data (the connection may be closed)")
            }
        }
    }

    public func read(before deadline: ContinuousClock.Instant) throws(TransportError) -> ReadResult {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { SSL_read(ssl, $0.baseAddress, Int32($0.count)) }
            if count > 0 { return .bytes(Array(buffer.prefix(Int(count)))) }
            switch SSL_get_error(ssl, count) {
            case SSL_ERROR_WANT_READ:
                guard try socket.wait(for: Int16(POLLIN), before: deadline) else { return .timedOut }
            case SSL_ERROR_WANT_WRITE:
                guard try socket.wait(for: Int16(POLLOUT), before: deadline) else { return .timedOut }
            case SSL_ERROR_ZERO_RETURN, SSL_ERROR_SYSCALL:
                ERR_clear_error()
                return .closed
            default:
                throw TLSContext.error(.decryptionFailed, "error decrypting data")
            }
        }
    }

    /// The negotiated protocol version (`TLSv1.3`) and cipher suite, for `on_ssl_status`.
    public var negotiated: (version: String, cipher: String) {
        let version = String(cString: SSL_get_version(ssl))
        let cipher = SSL_get_current_cipher(ssl).flatMap { SSL_CIPHER_get_name($0) }.map { String(cString: $0) } ?? ""
        return (version, cipher)
    }

    /// The peer certificate's subject and issuer, for `on_ssl_server_authentication`.
    public var peerCertificateNames: (subject: String, issuer: String)? {
        guard let certificate = SSL_get1_peer_certificate(ssl) else { return nil }
        defer { X509_free(certificate) }
        func name(_ pointer: OpaquePointer?) -> String {
            guard let pointer, let text = X509_NAME_oneline(pointer, nil, 0) else { return "" }
            defer { CRYPTO_free(text, #fileID, #line) }
            return String(cString: text)
        }
        return (name(X509_get_subject_name(certificate)), name(X509_get_issuer_name(certificate)))
    }

    public func close() {
        guard !isClosed else { return }
        isClosed = true
        SSL_shutdown(ssl)
        socket.close()
    }

    static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}
