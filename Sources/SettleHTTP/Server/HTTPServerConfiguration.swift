/// Where the server listens and the bounds it holds every connection to.
public struct HTTPServerConfiguration: Sendable, Hashable {
    /// The address to bind: `127.0.0.1` by default; the service decides when another is allowed.
    public var host: String
    /// 0 for any free port (tests).
    public var port: Int
    public var limits: HTTPLimits
    /// From a request's first byte to the end of its head (slow-header clients get 408).
    public var headerReadTimeout: Duration
    /// Between requests on a kept-alive connection.
    public var idleTimeout: Duration
    /// From the head to the last body byte.
    public var bodyTimeout: Duration
    /// For a response to leave once written (a client that stops reading is dropped).
    public var writeTimeout: Duration
    /// Open connections beyond this are answered 503 and closed.
    public var maximumConnections: Int
    /// After a final response, how long to keep reading (and dropping) what a client still
    /// sends before closing, so that it reads the response rather than a reset.
    public var lingerTimeout: Duration = .seconds(2)
    /// On shutdown, how long requests in hand may take to finish.
    public var drainTimeout: Duration
    /// HTTPS with these files; nil for plain HTTP.
    public var tls: HTTPTLSConfiguration?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, limits: HTTPLimits = HTTPLimits(), headerReadTimeout: Duration = .seconds(10),
        idleTimeout: Duration = .seconds(60), bodyTimeout: Duration = .seconds(60), writeTimeout: Duration = .seconds(30),
        maximumConnections: Int = 512, drainTimeout: Duration = .seconds(30), tls: HTTPTLSConfiguration? = nil
    ) {
        self.host = host
        self.port = port
        self.limits = limits
        self.headerReadTimeout = headerReadTimeout
        self.idleTimeout = idleTimeout
        self.bodyTimeout = bodyTimeout
        self.writeTimeout = writeTimeout
        self.maximumConnections = maximumConnections
        self.drainTimeout = drainTimeout
        self.tls = tls
    }
}
