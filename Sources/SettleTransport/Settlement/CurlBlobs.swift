import CCurl

/// PEM text handed to libcurl as in-memory blobs (CA certificates, client certificate and key),
/// kept alive for the duration of a transfer.
struct CurlBlobs {
    var caInfo: [UInt8]?
    var clientCertificate: [UInt8]?
    var clientKey: [UInt8]?

    /// Sets the blob options while their storage is pinned, and runs `body` (the transfer).
    func withPointers<R>(_ handle: UnsafeMutableRawPointer, _ body: () -> R) -> R {
        withBlob(caInfo, handle, CURLOPT_CAINFO_BLOB) {
            withBlob(clientCertificate, handle, CURLOPT_SSLCERT_BLOB) {
                withBlob(clientKey, handle, CURLOPT_SSLKEY_BLOB, body)
            }
        }
    }

    private func withBlob<R>(_ bytes: [UInt8]?, _ handle: UnsafeMutableRawPointer, _ option: CURLoption, _ body: () -> R) -> R {
        guard var bytes else { return body() }
        return bytes.withUnsafeMutableBytes { raw in
            var blob = curl_blob(data: raw.baseAddress, len: raw.count, flags: UInt32(CURL_BLOB_COPY))
            _ = withUnsafeMutablePointer(to: &blob) { tsys_curl_setopt_pointer(handle, option, UnsafeMutableRawPointer($0)) }
            return body()
        }
    }
}
