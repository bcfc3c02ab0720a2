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
    public var options: TCPOptions
    /// `FirewallType` and friends: reach the host through this proxy.
    public var proxy: ProxySettings?

    public init(
        host: String, port: Int, tls: TLSContext?, link: LinkSettings = LinkSettings(), connectionTimeout: Duration = .seconds(30),
        preferIPv6: Bool = false, options: TCPOptions = TCPOptions(), proxy: ProxySettings? = nil
    ) {
        self.proxy = proxy
        self.host = host
        self.port = port
        self.tls = tls
        self.link = link
        self.connectionTimeout = connectionTimeout
        self.preferIPv6 = preferIPv6
        self.options = options
    }

    /// Connects and settles. A connection that cannot be made throws: nothing was sent.
    public func settle(_ batch: FramedBatch, interrupt: LinkInterrupt? = nil, events: LinkEventObserver? = nil) throws(TransportError) -> LinkResult {
        let stream = try connect(events: events)
        var session = LinkSession(batch: batch, settings: link)
        let result = LinkDriver.run(&session, over: stream, interrupt: interrupt) { direction, bytes in
            events?(direction == .out ? .packetOut(bytes) : .packetIn(bytes))
        }
        if case .failed(let failure) = result { events?(.error(code: failure.code, message: failure.message)) }
        events?(.disconnected)
        return result
    }

    private func connect(events: LinkEventObserver?) throws(TransportError) -> any ByteStream {
        let deadline = ContinuousClock.now + connectionTimeout
        do {
            guard let tls else {
                let stream = try PlainStream.connect(host: host, port: port, before: deadline, preferIPv6: preferIPv6, options: options, proxy: proxy)
                events?(.connected(host: host, port: port))
                return stream
            }
            if !tls.settings.verifiesPeer {
                events?(.warning("certificate verification is turned off for \(host): the host is not authenticated"))
            } else if tls.settings.acceptedServerCertificatePEM != nil {
                events?(.warning("only the configured certificate is trusted for \(host); its chain and name are not checked"))
            }
            if let keyLogFile = tls.settings.keyLogFile {
                events?(.warning("TLS session secrets are being written to \(keyLogFile): anyone with that file can decrypt this connection"))
            }
            let stream = try TLSStream.connect(
                host: host, port: port, context: tls, before: deadline, preferIPv6: preferIPv6, options: options, proxy: proxy)
            events?(.connected(host: host, port: port))
            if let names = stream.peerCertificateNames {
                events?(.serverCertificate(subject: names.subject, issuer: names.issuer, accepted: true))
            }
            let negotiated = stream.negotiated
            events?(.tlsEstablished(version: negotiated.version, cipher: negotiated.cipher))
            return stream
        } catch {
            events?(.error(code: error.code, message: error.message))
            throw error
        }
    }
}
