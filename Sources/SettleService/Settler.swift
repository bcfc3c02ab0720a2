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
    public var link: LinkSettings
    public var connectionTimeout: Duration
    /// The loopback port and certificate of the simulator to use for `.simulator`.
    public var simulator: (port: Int, certificatePEM: String?)?

    public init(
        endpoint: ProcessorEndpoint, tls: TLSSettings = TLSSettings(), usesTLS: Bool = true, link: LinkSettings = LinkSettings(),
        connectionTimeout: Duration = .seconds(30), simulator: (port: Int, certificatePEM: String?)? = nil
    ) {
        self.endpoint = endpoint
        self.tls = tls
        self.usesTLS = usesTLS
        self.link = link
        self.connectionTimeout = connectionTimeout
        self.simulator = simulator
    }

    /// Settles the batch. Never throws: every failure is an outcome with its code.
    public func settle(_ encoded: EncodedBatch, trace: PacketTrace? = nil, interrupt: LinkInterrupt? = nil) -> SettlementOutcome {
        do {
            let settlement = try socketSettlement()
            let result = try settlement.settle(encoded.framed, interrupt: interrupt, observer: trace?.observer)
            return SettlementOutcome(result, encoded: encoded)
        } catch {
            return SettlementOutcome(error)
        }
    }

    private func socketSettlement() throws(TransportError) -> SocketSettlement {
        if case .simulator = endpoint {
            guard let simulator else { throw TransportError(code: 509, "no simulator is running for the simulator endpoint") }
            // The simulator's own certificate is the only one trusted for it.
            let context = try simulator.certificatePEM.map { pem throws(TransportError) in
                try TLSContext(client: TLSSettings(caCertificatesPEM: pem, minimumVersion: tls.minimumVersion))
            }
            return SocketSettlement(host: "127.0.0.1", port: simulator.port, tls: context, link: link, connectionTimeout: connectionTimeout)
        }
        guard let address = endpoint.socketAddress else { throw TransportError(code: 509, "no gateway specified") }
        return SocketSettlement(
            host: address.host, port: address.port, tls: usesTLS ? try TLSContext(client: tls) : nil, link: link,
            connectionTimeout: connectionTimeout)
    }
}
