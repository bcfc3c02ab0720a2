/// A parsed request line and header section.
public struct HTTPRequestHead: Sendable, Hashable {
    public var method: String
    /// The request target as sent (origin form such as `/v1/settlements?x=1`).
    public var target: String
    /// `1` for HTTP/1.1, `0` for HTTP/1.0.
    public var minorVersion: Int
    public var headers: HTTPHeaders
    /// The client sent `Expect: 100-continue` and waits for it before sending the body.
    public var expectsContinue: Bool
    /// Whether the connection stays open after this exchange (HTTP/1.1 unless `close`;
    /// HTTP/1.0 only with `keep-alive`).
    public var keepAlive: Bool

    /// The target's path, without the query.
    public var path: Substring { target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "" }
}
