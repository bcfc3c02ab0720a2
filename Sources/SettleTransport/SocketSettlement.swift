import SettleFraming
import SettleLink
import SettleModel

/// Settles one framed batch over a TCP connection, TLS unless `tls` is `nil`: connect (bounded
/// by `connectionTimeout`, the class reference's `ConnectionTimeout`), run the link protocol,
/// close.
public struct SocketSettlement: Sendable {
    public var host: String
    public var port: Int
    /// `nil` for plain TCP (a private line, or the simulator without TLS).
    public var tls: TLSContext?
    public var link: LinkSettings
    public var connectionTimeout: Duration
    public var preferIPv6: Bool

    public init(
        host: String, port: Int, tls: TLSContext?, link: LinkSettings = LinkSettings(), connectionTimeout: Duration = .seconds(30),
        preferIPv6: Bool = false
    ) {
        self.host = host
        self.port = port
        self.tls = tls
        self.link = link
        self.connectionTimeout = connectionTimeout
        self.preferIPv6 = preferIPv6
    }

    /// Connects and settles. A connection that cannot be made throws: nothing was sent.
    public func settle(
        _ batch: FramedBatch, interrupt: LinkInterrupt? = nil, observer: (@Sendable (PacketDirection, [UInt8]) -> Void)? = nil
    ) throws(TransportError) -> LinkResult {
        let deadline = ContinuousClock.now + connectionTimeout
        let stream: any ByteStream
        if let tls {
            stream = try TLSStream.connect(host: host, port: port, context: tls, before: deadline, preferIPv6: preferIPv6)
        } else {
            stream = try PlainStream.connect(host: host, port: port, before: deadline)
        }
        var session = LinkSession(batch: batch, settings: link)
        return LinkDriver.run(&session, over: stream, interrupt: interrupt, observer: observer)
    }
}
