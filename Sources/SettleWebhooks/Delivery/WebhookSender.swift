import CCurl
import Foundation

/// One delivery over libcurl: a POST of the signed payload, with certificate verification, a
/// connect and a total timeout, no redirects (a 3xx is a failure: following one could lead
/// anywhere), no proxy from the environment, and the connection made to an address the
/// ``WebhookAddressPolicy`` allowed, resolved just before (so a name cannot be re-pointed between
/// the check and the connection).
public struct WebhookSender: Sendable {
    public var policy: WebhookAddressPolicy
    public var connectTimeout: Duration
    public var timeout: Duration
    /// A PEM file of certificates to trust instead of the system's (a private CA).
    public var caFile: String?

    public init(policy: WebhookAddressPolicy, connectTimeout: Duration = .seconds(10), timeout: Duration = .seconds(15), caFile: String? = nil) {
        self.policy = policy
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.caFile = caFile
    }

    /// What one try came to.
    public enum Result: Sendable, Hashable {
        /// The endpoint answered this status (2xx: delivered).
        case answered(Int)
        /// No answer: why.
        case failed(String)
    }

    /// Posts `body` to `url` with `headers`; blocks until the answer or the timeout.
    public func post(_ body: [UInt8], to url: URL, headers: [(String, String)]) -> Result {
        guard let host = url.host else { return .failed("the URL has no host") }
        let secure = url.scheme?.lowercased() == "https"
        let port = url.port ?? (secure ? 443 : 80)
        let addresses: [String]
        do {
            addresses = try policy.addresses(of: host, port: port)
        } catch {
            return .failed(error.message)
        }
        _ = WebhookCurl.initialized
        guard let handle = curl_easy_init() else { return .failed("cannot create a libcurl handle") }
        defer { curl_easy_cleanup(handle) }
        var list: UnsafeMutablePointer<curl_slist>?
        for (name, value) in [("Content-Type", "application/json"), ("User-Agent", "tsys-settle-webhooks"), ("Expect", "")] + headers {
            list = curl_slist_append(list, value.isEmpty ? "\(name):" : "\(name): \(value)")
        }
        defer { curl_slist_free_all(list) }
        // host:port:address,... pins the connection to the addresses just checked.
        let bare = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        let pinned = curl_slist_append(nil, "\(bare):\(port):" + addresses.map { $0.contains(":") ? "[\($0)]" : $0 }.joined(separator: ","))
        defer { curl_slist_free_all(pinned) }
        let sink = WebhookResponseSink()
        var failed: String?
        func set(_ code: CURLcode, _ what: String) {
            if code != CURLE_OK && failed == nil { failed = "libcurl refused \(what): \(String(cString: curl_easy_strerror(code)))" }
        }
        set(tsys_curl_setopt_string(handle, CURLOPT_URL, url.absoluteString), "the URL")
        set(tsys_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, secure ? "https" : "http"), "the protocols")
        set(tsys_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0), "no redirects")
        set(tsys_curl_setopt_string(handle, CURLOPT_PROXY, ""), "no proxy")
        set(tsys_curl_setopt_pointer(handle, CURLOPT_RESOLVE, pinned), "the pinned address")
        set(tsys_curl_setopt_pointer(handle, CURLOPT_HTTPHEADER, list), "the headers")
        set(tsys_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1), "no signals")
        set(tsys_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(connectTimeout)), "the connect timeout")
        set(tsys_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(timeout)), "the timeout")
        set(tsys_curl_setopt_write_function(handle, WebhookResponseSink.callback), "the response sink")
        set(tsys_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque()), "the response sink")
        if let caFile { set(tsys_curl_setopt_string(handle, CURLOPT_CAINFO, caFile), "the CA file") }
        if let failed { return .failed(failed) }
        let code = body.withUnsafeBytes { bytes -> CURLcode in
            _ = tsys_curl_setopt_long(handle, CURLOPT_POST, 1)
            _ = tsys_curl_setopt_pointer(handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
            _ = tsys_curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, bytes.count)
            return curl_easy_perform(handle)
        }
        guard code == CURLE_OK else { return .failed(String(cString: curl_easy_strerror(code))) }
        var status = 0
        _ = tsys_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .answered(status)
    }

    static func milliseconds(_ duration: Duration) -> Int {
        max(1, Int(duration.components.seconds) * 1000 + Int(duration.components.attoseconds / 1_000_000_000_000_000))
    }
}

/// Reads (and drops) the endpoint's answer body, a little of it at most.
final class WebhookResponseSink: @unchecked Sendable {
    private var received = 0

    static let callback: tsys_curl_write_callback = { _, size, count, context in
        guard let context else { return 0 }
        let sink = Unmanaged<WebhookResponseSink>.fromOpaque(context).takeUnretainedValue()
        sink.received += size * count
        // An endpoint that streams without end is cut off (libcurl then fails the try).
        return sink.received > 1 << 20 ? 0 : size * count
    }
}

/// Process-wide libcurl setup, once, before the first handle.
enum WebhookCurl {
    static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
}
