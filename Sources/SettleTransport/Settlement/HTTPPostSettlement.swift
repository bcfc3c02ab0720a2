import CCurl
import SettleFraming
import SettleLink
import SettleModel
import SettleRecords

/// Settles a batch through the HTTPS POST gateway (`UseHTTPPOST`) with libcurl: the whole framed
/// batch in one POST (`Content-Type: x-Visa-II/x-settle`), the response record back
/// (`x-data/xact-response`) or a gateway error (`x-data/xact-error`, `NNN - text`).
public struct HTTPPostSettlement: Sendable {
    public var url: String
    public var tls: TLSSettings
    public var connectionTimeout: Duration
    /// The whole exchange, as the class reference's `timeout`.
    public var timeout: Duration
    /// `FirewallType` and friends; `nil` goes direct (the environment's `https_proxy` is ignored).
    public var proxy: ProxySettings?

    /// The class reference: at most 2 MB can be posted.
    public static let maximumBodyBytes = 2 * 1024 * 1024

    public init(url: String, tls: TLSSettings = TLSSettings(), connectionTimeout: Duration = .seconds(30), timeout: Duration = .seconds(60)) {
        self.url = url
        self.tls = tls
        self.connectionTimeout = connectionTimeout
        self.timeout = timeout
    }

    /// Posts the batch. Refusals before anything is sent throw; everything after is a result.
    /// `interrupt` aborts the transfer within about a second (libcurl's progress interval);
    /// the result is in doubt when the whole batch had gone out.
    public func settle(_ batch: FramedBatch, interrupt: LinkInterrupt? = nil, events: LinkEventObserver? = nil) throws(TransportError) -> LinkResult {
        guard batch.bytes.count <= Self.maximumBodyBytes else {
            throw TransportError(
                code: .missingOrErroneousValue,
                "the batch is \(batch.bytes.count) bytes; the HTTP gateway takes at most 2 MB: settle it over the socket service or split it")
        }
        _ = CurlGlobal.initialized
        guard let handle = curl_easy_init() else { throw TransportError(code: .errorBuildingPacket, "cannot create a libcurl handle") }
        defer { curl_easy_cleanup(handle) }
        let sink = ResponseSink()
        var headers = curl_slist_append(nil, "Content-Type: x-Visa-II/x-settle")
        headers = curl_slist_append(headers, "Expect:")  // no 100-continue round trip
        defer { curl_slist_free_all(headers) }
        var blobs = CurlBlobs()
        try configure(handle, headers: headers, sink: sink, blobs: &blobs)
        if let interrupt {
            let context = Unmanaged.passUnretained(interrupt).toOpaque()
            guard tsys_curl_setopt_progress_function(handle, Self.interruptCheck, context) == CURLE_OK else {
                throw TransportError(code: .errorBuildingPacket, "libcurl refused the progress callback")
            }
        }
        let code = batch.bytes.withUnsafeBytes { body -> CURLcode in
            _ = tsys_curl_setopt_pointer(handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: body.baseAddress))
            _ = tsys_curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, body.count)
            return blobs.withPointers(handle) { curl_easy_perform(handle) }
        }
        events?(.packetOut(batch.bytes))
        if !sink.bytes.isEmpty { events?(.packetIn(sink.bytes)) }
        do {
            let result = try outcome(code, handle: handle, body: sink.bytes, sentBytes: batch.bytes.count)
            if case .failed(let failure) = result { events?(.error(code: failure.code, message: failure.message)) }
            return result
        } catch {
            events?(.error(code: error.code, message: error.message))
            throw error
        }
    }

    private func configure(
        _ handle: UnsafeMutableRawPointer, headers: UnsafeMutablePointer<curl_slist>?, sink: ResponseSink, blobs: inout CurlBlobs
    ) throws(TransportError) {
        func check(_ code: CURLcode) throws(TransportError) {
            guard code == CURLE_OK else {
                throw TransportError(code: .errorBuildingPacket, "libcurl refused an option: \(String(cString: curl_easy_strerror(code)))")
            }
        }
        try check(tsys_curl_setopt_string(handle, CURLOPT_URL, url))
        try configureProxy(handle, check)
        try check(tsys_curl_setopt_long(handle, CURLOPT_POST, 1))
        try check(tsys_curl_setopt_pointer(handle, CURLOPT_HTTPHEADER, headers))
        try check(tsys_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        try check(tsys_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(connectionTimeout)))
        try check(tsys_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(timeout)))
        try check(tsys_curl_setopt_write_function(handle, ResponseSink.callback))
        try check(tsys_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque()))
        try check(tsys_curl_setopt_long(handle, CURLOPT_SSLVERSION, tls.minimumVersion == .tls13 ? CURL_SSLVERSION_TLSv1_3 : CURL_SSLVERSION_TLSv1_2))
        if let ciphers = tls.cipherList { try check(tsys_curl_setopt_string(handle, CURLOPT_SSL_CIPHER_LIST, ciphers)) }
        if let pinned = tls.acceptedServerCertificatePEM {
            // Exactly this certificate: it is the only trust anchor, and its name is not checked.
            blobs.caInfo = Array(pinned.utf8)
            try check(tsys_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 0))
        } else if !tls.verifiesPeer {
            try check(tsys_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 0))
            try check(tsys_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 0))
        } else {
            if let file = tls.caFile { try check(tsys_curl_setopt_string(handle, CURLOPT_CAINFO, file)) }
            if let directory = tls.caDirectory { try check(tsys_curl_setopt_string(handle, CURLOPT_CAPATH, directory)) }
            if let pem = tls.caCertificatesPEM { blobs.caInfo = Array(pem.utf8) }
        }
        if let certificate = tls.clientCertificatePEM {
            blobs.clientCertificate = Array(certificate.utf8)
            blobs.clientKey = Array((tls.clientKeyPEM ?? certificate).utf8)
        } else if let store = tls.clientPKCS12 {
            blobs.clientCertificate = store
            try check(tsys_curl_setopt_string(handle, CURLOPT_SSLCERTTYPE, "P12"))
            if let password = tls.clientPKCS12Password { try check(tsys_curl_setopt_string(handle, CURLOPT_KEYPASSWD, password)) }
        }
    }

    /// Asks libcurl to abort once the settlement is interrupted.
    private static let interruptCheck: tsys_curl_progress_callback = { context, _, _, _, _ in
        guard let context else { return 0 }
        return Unmanaged<LinkInterrupt>.fromOpaque(context).takeUnretainedValue().isInterrupted ? 1 : 0
    }

    private func configureProxy(_ handle: UnsafeMutableRawPointer, _ check: (CURLcode) throws(TransportError) -> Void) throws(TransportError) {
        guard let proxy else {
            // An empty proxy turns off libcurl's reading of proxy environment variables.
            try check(tsys_curl_setopt_string(handle, CURLOPT_PROXY, ""))
            return
        }
        let scheme =
            switch proxy.kind {
            case .httpTunnel: "http"
            case .socks4: "socks4"
            case .socks4a: "socks4a"
            case .socks5: "socks5h"
            }
        let host = proxy.host.contains(":") ? "[\(proxy.host)]" : proxy.host
        try check(tsys_curl_setopt_string(handle, CURLOPT_PROXY, "\(scheme)://\(host):\(proxy.port)"))
        if proxy.kind == .httpTunnel { try check(tsys_curl_setopt_long(handle, CURLOPT_HTTPPROXYTUNNEL, 1)) }
        if let user = proxy.user { try check(tsys_curl_setopt_string(handle, CURLOPT_PROXYUSERNAME, user)) }
        if let password = proxy.password { try check(tsys_curl_setopt_string(handle, CURLOPT_PROXYPASSWORD, password)) }
        if !proxy.exceptions.isEmpty { try check(tsys_curl_setopt_string(handle, CURLOPT_NOPROXY, proxy.exceptions.joined(separator: ","))) }
    }

    private func outcome(_ code: CURLcode, handle: UnsafeMutableRawPointer, body: [UInt8], sentBytes: Int) throws(TransportError) -> LinkResult {
        var uploaded: curl_off_t = 0
        _ = tsys_curl_getinfo_off_t(handle, CURLINFO_SIZE_UPLOAD_T, &uploaded)
        // Once the whole batch went out, a missing answer may mean it was captured.
        let inDoubt = uploaded >= sentBytes
        guard code == CURLE_OK else {
            let text = String(cString: curl_easy_strerror(code))
            switch code {
            case CURLE_COULDNT_RESOLVE_HOST: throw TransportError(code: .hostNotFound, "host not found: \(text)")
            case CURLE_COULDNT_CONNECT: throw TransportError(code: .connectionRefused, "cannot connect: \(text)")
            case CURLE_PEER_FAILED_VERIFICATION:
                throw TransportError(code: .cannotVerifyCertificateChain, "cannot verify the gateway's certificate: \(text)")
            case CURLE_SSL_CONNECT_ERROR: throw TransportError(code: .handshakeFailed, "TLS handshake failed: \(text)")
            case CURLE_OPERATION_TIMEDOUT where !inDoubt: throw TransportError.timedOut("the connection to the gateway")
            case CURLE_ABORTED_BY_CALLBACK:
                return .failed(LinkFailure(code: .hostDisconnected, message: "interrupted", inDoubt: inDoubt, blocksAcknowledged: 0))
            default:
                let failureCode: ErrorCode = code == CURLE_OPERATION_TIMEDOUT ? .timeout : inDoubt ? .noResponse : .hostDisconnected
                return .failed(LinkFailure(code: failureCode, message: "gateway: \(text)", inDoubt: inDoubt, blocksAcknowledged: 0))
            }
        }
        var contentType: UnsafeMutablePointer<CChar>?
        _ = tsys_curl_getinfo_string(handle, CURLINFO_CONTENT_TYPE, &contentType)
        let type = contentType.map { String(cString: $0).lowercased() } ?? ""
        if type.hasPrefix("x-data/xact-response") {
            do {
                return .answered(try ResponseParser.parse(wire: body), early: false)
            } catch {
                return .failed(LinkFailure(code: error.code, message: error.message, inDoubt: true, blocksAcknowledged: 0))
            }
        }
        if type.hasPrefix("x-data/xact-error") { return .failed(GatewayErrorText(body).failure) }
        return .failed(
            LinkFailure(code: .invalidResponse, message: "the gateway answered with content type '\(type)'", inDoubt: true, blocksAcknowledged: 0))
    }

    /// libcurl's timeout in milliseconds: at least 1, since 0 means its own default (300 s)
    /// and a negative value is refused, where the socket path times out at once.
    static func milliseconds(_ duration: Duration) -> Int {
        max(1, Int(duration.saturatingMilliseconds))
    }
}

/// Process-wide libcurl setup, once, before the first handle.
enum CurlGlobal {
    static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
}
