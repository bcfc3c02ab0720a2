/// A request the server will not process: the status to answer and why. Every parse error
/// closes the connection, because the framing of anything after it cannot be trusted.
public struct HTTPParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 400, 413, 414, 417, 431, 501 or 505.
    public var status: Int
    public var reason: String

    public init(_ status: Int, _ reason: String) {
        self.status = status
        self.reason = reason
    }

    public var description: String { "\(status) \(reason)" }

    static func bad(_ reason: String) -> HTTPParseError { HTTPParseError(400, reason) }
}
