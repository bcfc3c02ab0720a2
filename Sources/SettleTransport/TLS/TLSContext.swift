import COpenSSL
import CSettleTLS
import SettleModel

/// An OpenSSL `SSL_CTX`, client or server, configured once and shared by connections.
public final class TLSContext: @unchecked Sendable {
    // SSL_CTX is reference counted and safe to share once configured; it is never changed after init.
    let context: OpaquePointer
    let settings: TLSSettings

    /// A client context: TLS 1.2+, the system CA bundle (or the configured CAs), peer verification on.
    public init(client settings: TLSSettings) throws(TransportError) {
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw TLSContext.error(.cannotAcquireCredentials, "cannot create a TLS context") }
        self.context = context
        self.settings = settings
        try configureCommon(minimum: settings.minimumVersion, cipherList: settings.cipherList)
        if let maximum = settings.maximumVersion,
            tsys_ssl_ctx_set_max_proto(context, maximum == .tls13 ? TLS1_3_VERSION : TLS1_2_VERSION) != 1
        {
            throw TLSContext.error(.cannotAcquireCredentials, "cannot set the maximum TLS version")
        }
        if settings.acceptedServerCertificatePEM != nil || !settings.verifiesPeer {
            // A pinned certificate is compared after the handshake; no chain is needed.
            SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nil)
        } else {
            SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
            try loadTrust(settings)
        }
        if let certificate = settings.clientCertificatePEM {
            try useIdentity(certificatePEM: certificate, keyPEM: settings.clientKeyPEM ?? certificate)
        } else if let store = settings.clientPKCS12 {
            try PKCS12Identity.use(store, password: settings.clientPKCS12Password, in: context)
        }
        if let keyLogFile = settings.keyLogFile, tsys_ssl_ctx_set_keylog_file(context, keyLogFile) != 1 {
            throw TLSContext.error(.cannotAcquireCredentials, "cannot set the TLS key log file")
        }
    }

    /// A server context presenting `certificatePEM`; with `clientCAPEM`, clients must present a
    /// certificate that chains to it (mutual TLS).
    public init(serverCertificatePEM: String, keyPEM: String, clientCAPEM: String? = nil) throws(TransportError) {
        guard let context = SSL_CTX_new(TLS_server_method()) else { throw TLSContext.error(.cannotAcquireCredentials, "cannot create a TLS context") }
        self.context = context
        self.settings = TLSSettings()
        try configureCommon(minimum: .tls12, cipherList: nil)
        try useIdentity(certificatePEM: serverCertificatePEM, keyPEM: keyPEM)
        if let clientCAPEM {
            let store = SSL_CTX_get_cert_store(context)
            for certificate in try PEM.certificates(clientCAPEM) {
                X509_STORE_add_cert(store, certificate)
                X509_free(certificate)
            }
            SSL_CTX_set_verify(context, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nil)
        }
    }

    deinit { SSL_CTX_free(context) }

    private func configureCommon(minimum: TLSVersion, cipherList: String?) throws(TransportError) {
        let version = minimum == .tls13 ? TLS1_3_VERSION : TLS1_2_VERSION
        guard tsys_ssl_ctx_set_min_proto(context, version) == 1 else {
            throw TLSContext.error(.cannotAcquireCredentials, "cannot set the minimum TLS version")
        }
        tsys_ssl_ctx_set_auto_retry(context)
        if let cipherList, SSL_CTX_set_cipher_list(context, cipherList) != 1 {
            throw TLSContext.error(.cannotAcquireCredentials, "invalid cipher list '\(cipherList)'")
        }
    }

    private func loadTrust(_ settings: TLSSettings) throws(TransportError) {
        var custom = false
        if settings.caFile != nil || settings.caDirectory != nil {
            custom = true
            guard SSL_CTX_load_verify_locations(context, settings.caFile, settings.caDirectory) == 1 else {
                throw TLSContext.error(.cannotOpenCertificateStore, "cannot load the CA file or directory")
            }
        }
        if let pem = settings.caCertificatesPEM {
            custom = true
            let store = SSL_CTX_get_cert_store(context)
            for certificate in try PEM.certificates(pem) {
                X509_STORE_add_cert(store, certificate)
                X509_free(certificate)
            }
        }
        if !custom { SSL_CTX_set_default_verify_paths(context) }
    }

    private func useIdentity(certificatePEM: String, keyPEM: String) throws(TransportError) {
        guard let certificate = try PEM.certificates(certificatePEM).first else {
            throw TLSContext.error(.clientCertificateNotFound, "no certificate in the PEM text")
        }
        defer { X509_free(certificate) }
        guard SSL_CTX_use_certificate(context, certificate) == 1 else {
            throw TLSContext.error(.clientCertificateNotFound, "cannot use the certificate")
        }
        let key = try PEM.privateKey(keyPEM)
        defer { EVP_PKEY_free(key) }
        guard SSL_CTX_use_PrivateKey(context, key) == 1, SSL_CTX_check_private_key(context) == 1 else {
            throw TLSContext.error(.clientCertificateNotFound, "the private key does not match the certificate")
        }
    }

    static func error(_ code: ErrorCode, _ message: String) -> TransportError {
        TransportError(code: code, "\(message)\(lastOpenSSLError().map { ": \($0)" } ?? "")")
    }

    static func lastOpenSSLError() -> String? {
        var buffer = [CChar](repeating: 0, count: 256)
        tsys_last_error(&buffer, buffer.count)
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.isEmpty ? nil : text
    }
}
