import Logging
import SettleFraming
import SettleLink
import SettleModel
import SettleRecords
import SettleTransport

/// Sends an encoded batch to the configured processor over the TLS socket service and reports
/// the outcome.
public struct Settler: Sendable {
    /// Where the batch goes; for `.simulator`, ``simulator`` says where the simulator listens.
    public var endpoint: ProcessorEndpoint
    public var tls: TLSSettings
    /// `false` for plain TCP (a private line); TLS otherwise.
    public var usesTLS: Bool
    /// `UseHTTPPOST`: post the whole batch to the HTTPS gateway instead of the socket service.
    public var usesHTTPPost: Bool
    /// Whether the HTTP gateway is believed to take Level III batches (application type 5). The
    /// gateway's error 514 says it does not (M); certification decides.
    public var httpGatewayTakesLineItems = false
    public var link: LinkSettings
    public var connectionTimeout: Duration
    /// `UseIPv6`: try the host's IPv6 addresses first.
    public var prefersIPv6 = false
    /// Socket options: Nagle, keep-alive, linger, local address (socket service only).
    public var tcpOptions = TCPOptions()
    /// `FirewallType` / `FirewallHost` …: reach the processor through this proxy (both transports).
    public var proxy: ProxySettings?
    /// Where link events and outcomes are logged; silent unless the caller passes a logger.
    public var logger = Logger(label: "tsys-settle.link", factory: { _ in SwiftLogNoOpLogHandler() })
    /// The loopback port and certificate of the simulator to use for `.simulator`.
    public var simulator: (port: Int, certificatePEM: String?)?
    /// The wire profile batches were encoded with, so logged packets are masked record by record.
    public var profile = WireProfile.standard

    public init(
        endpoint: ProcessorEndpoint, tls: TLSSettings = TLSSettings(), usesTLS: Bool = true, usesHTTPPost: Bool = false,
        link: LinkSettings = LinkSettings(),
        connectionTimeout: Duration = .seconds(30), simulator: (port: Int, certificatePEM: String?)? = nil
    ) {
        self.endpoint = endpoint
        self.tls = tls
        self.usesTLS = usesTLS
        self.usesHTTPPost = usesHTTPPost
        self.link = link
        self.connectionTimeout = connectionTimeout
        self.simulator = simulator
    }

    private func events(_ trace: PacketTrace?) -> LinkEventObserver? {
        LinkEventLog.combine(trace?.observer, logger.logLevel <= .warning ? LinkEventLog.observer(logger, profile: profile) : nil)
    }

    /// Settles the batch. Never throws: every failure is an outcome with its code.
    public func settle(_ encoded: EncodedBatch, trace: PacketTrace? = nil, interrupt: LinkInterrupt? = nil) -> SettlementOutcome {
        let outcome = attempt(encoded, trace: trace, interrupt: interrupt)
        var metadata: Logger.Metadata = [
            "batch.records": "\(encoded.totals.recordCount)", "batch.blocks": "\(encoded.framed.blockCount)",
            "settlement.environment": "\(endpoint.environment)", "settlement.exit": "\(outcome.exitCode)",
        ]
        switch outcome {
        case .accepted, .duplicate, .rejected: logger.info("settlement answered", metadata: metadata)
        case .failed(let code, let message), .inDoubt(let code, let message):
            metadata["error.code"] = "\(code)"
            logger.error("settlement failed: \(PacketTrace.masked(message))", metadata: metadata)
        }
        return outcome
    }

    private func attempt(_ encoded: EncodedBatch, trace: PacketTrace?, interrupt: LinkInterrupt?) -> SettlementOutcome {
        if tls.keyLogFile != nil {
            // Session secrets decrypt every card number in a capture: a debugging aid only.
            if endpoint.environment == "live" {
                return .failed(
                    code: .cannotAcquireCredentials, message: "SSLKeyLogFile is refused for live processors: the secrets would expose card numbers")
            }
            if usesHTTPPost {
                return .failed(
                    code: .cannotAcquireCredentials, message: "SSLKeyLogFile applies to the socket service only; unset it or settle without HTTP POST"
                )
            }
        }
        if usesHTTPPost { return settleByPost(encoded, trace: trace, interrupt: interrupt) }
        do {
            let settlement = try socketSettlement()
            let result = try settlement.settle(encoded.framed, interrupt: interrupt, events: events(trace))
            return SettlementOutcome(result, encoded: encoded)
        } catch {
            return SettlementOutcome(error)
        }
    }

    private func settleByPost(_ encoded: EncodedBatch, trace: PacketTrace?, interrupt: LinkInterrupt?) -> SettlementOutcome {
        do {
            // The SSL gateway takes application type 1 only (its error 514, spec §1.5, M): a Level III
            // batch is refused here, before anything is sent, unless configured otherwise.
            if encoded.applicationType != "1" && !httpGatewayTakesLineItems {
                return .failed(
                    code: .missingOrErroneousValue,
                    message: "the HTTP gateway takes no Level III line items (application type 5): settle this batch over the socket service")
            }
            let (url, settings) = try gateway()
            var post = HTTPPostSettlement(url: url, tls: settings, connectionTimeout: connectionTimeout, timeout: link.responseTimeout * 2)
            post.proxy = proxy
            let result = try post.settle(encoded.framed, interrupt: interrupt, events: events(trace))
            return SettlementOutcome(result, encoded: encoded)
        } catch {
            return SettlementOutcome(error)
        }
    }

    /// The gateway URL and the TLS settings to reach it.
    private func gateway() throws(TransportError) -> (String, TLSSettings) {
        let scheme = usesTLS ? "https" : "http"
        switch endpoint {
        case .simulator:
            guard let simulator else { throw TransportError(code: .noGatewaySpecified, "no simulator is running for the simulator endpoint") }
            return (
                "\(scheme)://127.0.0.1:\(simulator.port)/scripts/gateway.dll?transact",
                TLSSettings(caCertificatesPEM: simulator.certificatePEM, minimumVersion: tls.minimumVersion)
            )
        case .custom(let host, let port):
            return ("\(scheme)://\(host):\(port)/scripts/gateway.dll?transact", tls)
        default:
            guard let url = endpoint.gatewayURL else {
                throw TransportError(code: .noGatewaySpecified, "no HTTP gateway is known for this processor")
            }
            return (url, tls)
        }
    }

    private func socketSettlement() throws(TransportError) -> SocketSettlement {
        if case .simulator = endpoint {
            guard let simulator else { throw TransportError(code: .noGatewaySpecified, "no simulator is running for the simulator endpoint") }
            // The simulator's own certificate is the only one trusted for it.
            let context = try simulator.certificatePEM.map { pem throws(TransportError) in
                try TLSContext(client: TLSSettings(caCertificatesPEM: pem, minimumVersion: tls.minimumVersion, keyLogFile: tls.keyLogFile))
            }
            return SocketSettlement(
                host: "127.0.0.1", port: simulator.port, tls: context, link: link, connectionTimeout: connectionTimeout, options: tcpOptions,
                proxy: proxy)
        }
        guard let address = endpoint.socketAddress else { throw TransportError(code: .noGatewaySpecified, "no gateway specified") }
        return SocketSettlement(
            host: address.host, port: address.port, tls: usesTLS ? try TLSContext(client: tls) : nil, link: link,
            connectionTimeout: connectionTimeout, preferIPv6: prefersIPv6, options: tcpOptions, proxy: proxy)
    }
}
