import COpenSSL
import SettleModel

/// PEM text to OpenSSL objects. The caller frees what it gets.
enum PEM {
    static func certificates(_ text: String) throws(TransportError) -> [OpaquePointer] {
        guard let bio = memoryBIO(text) else { throw TLSContext.error(.cannotOpenCertificateStore, "cannot read PEM text") }
        defer { BIO_free(bio) }
        var certificates: [OpaquePointer] = []
        while let certificate = PEM_read_bio_X509(bio, nil, nil, nil) { certificates.append(certificate) }
        ERR_clear_error()  // the read loop ends with "no start line"
        if certificates.isEmpty { throw TransportError(code: .cannotOpenCertificateStore, "no certificate in the PEM text") }
        return certificates
    }

    static func privateKey(_ text: String) throws(TransportError) -> OpaquePointer {
        guard let bio = memoryBIO(text) else { throw TLSContext.error(.clientCertificateNotFound, "cannot read PEM text") }
        defer { BIO_free(bio) }
        guard let key = PEM_read_bio_PrivateKey(bio, nil, nil, nil) else {
            throw TLSContext.error(.clientCertificateNotFound, "no private key in the PEM text")
        }
        return key
    }

    /// DER bytes of a certificate, for exact comparison.
    static func der(_ certificate: OpaquePointer) -> [UInt8] {
        let length = i2d_X509(certificate, nil)
        guard length > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: Int(length))
        bytes.withUnsafeMutableBufferPointer { buffer in
            var cursor: UnsafeMutablePointer<UInt8>? = buffer.baseAddress
            _ = i2d_X509(certificate, &cursor)
        }
        return bytes
    }

    private static func memoryBIO(_ text: String) -> OpaquePointer? {
        let bytes = Array(text.utf8)
        guard let bio = BIO_new(BIO_s_mem()) else { return nil }
        guard bytes.withUnsafeBytes({ BIO_write(bio, $0.baseAddress, Int32($0.count)) }) == Int32(bytes.count) else {
            BIO_free(bio)
            return nil
        }
        return bio
    }
}
