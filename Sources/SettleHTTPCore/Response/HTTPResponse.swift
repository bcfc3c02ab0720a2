import Foundation

/// A complete response. Serialized with `Content-Length` and `Date` always, and
/// `Connection: close` when the connection ends after it.
public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The interim response to `Expect: 100-continue`.
    public static let continueBytes = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// The wire form. `includeBody` is false for HEAD (the length still describes the body).
    public func serialized(date: Date = Date(), closing: Bool, includeBody: Bool = true) -> [UInt8] {
        var text = "HTTP/1.1 \(status) \(HTTPStatus.reason(status))\r\n"
        for field in headers where !Self.managed.contains(where: { HTTPHeaders.sameName($0, field.name) }) {
            text += "\(field.name): \(field.value)\r\n"
        }
        text += "Content-Length: \(body.count)\r\nDate: \(HTTPDate.format(date))\r\n"
        if closing { text += "Connection: close\r\n" }
        text += "\r\n"
        var bytes = Array(text.utf8)
        if includeBody { bytes += body }
        return bytes
    }

    /// Fields the serializer writes itself, so a handler cannot contradict them.
    private static let managed: [String] = ["content-length", "date", "connection", "transfer-encoding"]
}
