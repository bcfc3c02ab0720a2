import COpenSSL
import CSettleTLS

#if canImport(Glibc)
import Glibc
#endif

/// The API's OpenSSL server context, loaded once from ``HTTPTLSConfiguration`` files and
/// shared by every connection.
final class ServerTLSContext: @unchecked Sendable {
    // SSL_CTX is reference counted and safe to share once configured; it is never changed after init.
    let context: OpaquePointer

    init(_ configuration: HTTPTLSConfiguration) throws(HTTPServerError) {
        guard let context = SSL_CTX_new(TLS_server_method()) else { throw Self.failure("cannot create a TLS context") }
        self.context = context
        let version = configuration.minimumVersion == .tls13 ? TLS1_3_VERSION : TLS1_2_VERSION
        guard tsys_ssl_ctx_set_min_proto(context, version) == 1 else { throw Self.failure("cannot set the minimum TLS version") }
        tsys_ssl_ctx_nonblocking_server(context)
        for (file, role) in [(configuration.certificateChainFile, "certificate"), (configuration.privateKeyFile, "private key")]
        where access(file, R_OK) != 0 {
            throw HTTPServerError("cannot read the TLS \(role) file \(file)")
        }
        guard SSL_CTX_use_certificate_chain_file(context, configuration.certificateChainFile) == 1 else {
            throw Self.failure("the TLS certificate file \(configuration.certificateChainFile) holds no PEM certificate")
        }
        guard SSL_CTX_use_PrivateKey_file(context, configuration.privateKeyFile, SSL_FILETYPE_PEM) == 1,
            SSL_CTX_check_private_key(context) == 1
        else {
            throw Self.failure("the TLS private key file \(configuration.privateKeyFile) holds no PEM key for this certificate")
        }
    }

    deinit { SSL_CTX_free(context) }

    /// A channel that will complete the handshake as the client's bytes arrive.
    func channel(on descriptor: Int32) -> TLSChannel? {
        guard let ssl = SSL_new(context) else { return nil }
        SSL_set_fd(ssl, descriptor)
        SSL_set_accept_state(ssl)
        return TLSChannel(ssl: ssl, descriptor: descriptor)
    }

    private static func failure(_ message: String) -> HTTPServerError {
        var buffer = [CChar](repeating: 0, count: 256)
        tsys_last_error(&buffer, buffer.count)
        let detail = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return HTTPServerError(detail.isEmpty ? message : "\(message): \(detail)")
    }
}
