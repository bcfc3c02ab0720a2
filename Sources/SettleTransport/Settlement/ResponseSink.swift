/// Collects a response body from libcurl's write callback.
final class ResponseSink: @unchecked Sendable {
    // Written by libcurl on the thread running curl_easy_perform, read after it returns.
    private(set) var bytes: [UInt8] = []
    /// Bodies are a response record or an error line; anything far larger is not from the gateway.
    static let limit = 64 * 1024

    static let callback: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = { data, size, count, context in
        guard let data, let context else { return 0 }
        let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        guard sink.bytes.count + length <= limit else { return 0 }  // aborts the transfer
        data.withMemoryRebound(to: UInt8.self, capacity: length) { sink.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: length)) }
        return length
    }
}
