import COpenSSL
import SettleModel

/// Loads a PKCS#12 (PFX) store into a client context: its certificate, key and chain.
enum PKCS12Identity {
    static func use(_ store: [UInt8], password: String?, in context: OpaquePointer) throws(TransportError) {
        let parsed = store.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor = buffer.baseAddress
            return d2i_PKCS12(nil, &cursor, buffer.count)
        }
        guard let pkcs12 = parsed else { throw TLSContext.error(.clientCertificateNotFound, "the client certificate store is not PKCS#12 (PFX)") }
        defer { PKCS12_free(pkcs12) }
        var key: OpaquePointer?
        var certificate: OpaquePointer?
        var chain: OpaquePointer?
        guard PKCS12_parse(pkcs12, password ?? "", &key, &certificate, &chain) == 1, let key, let certificate else {
            throw TLSContext.error(.clientCertificateNotFound, "cannot open the client certificate store (wrong password?)")
        }
        defer {
            EVP_PKEY_free(key)
            X509_free(certificate)
            // OPENSSL_sk_pop_free with X509_free: the stack owns its certificates.
            if let chain { OPENSSL_sk_pop_free(chain, { X509_free(OpaquePointer($0)) }) }
        }
        guard SSL_CTX_use_cert_and_key(context, certificate, key, chain, 1) == 1, SSL_CTX_check_private_key(context) == 1 else {
            throw TLSContext.error(.clientCertificateNotFound, "the client certificate store's key does not match its certificate")
        }
    }
}
