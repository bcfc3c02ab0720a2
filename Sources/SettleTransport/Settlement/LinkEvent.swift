import SettleModel

/// What happens on the processor link, as one stream of events: the class reference's
/// `on_connected`, `on_ssl_status`, `on_ssl_server_authentication`, `on_data_packet_out`,
/// `on_data_packet_in`, `on_error` and `on_disconnected`.
///
/// Packets carry raw wire bytes, card numbers included: an observer that shows or stores them
/// must mask them (``PacketMasker``; the service's trace does).
public enum LinkEvent: Sendable, Hashable {
    /// The TCP connection is up.
    case connected(host: String, port: Int)
    /// TLS is established: protocol version and cipher suite.
    case tlsEstablished(version: String, cipher: String)
    /// The host's certificate, and whether it was accepted.
    case serverCertificate(subject: String, issuer: String, accepted: Bool)
    case packetOut([UInt8])
    case packetIn([UInt8])
    /// A failure, with the class reference's number.
    case error(code: ErrorCode, message: String)
    case disconnected
    /// Something an operator must know, such as weakened certificate verification.
    case warning(String)
}

/// Receives link events; called on the thread running the settlement.
public typealias LinkEventObserver = @Sendable (LinkEvent) -> Void
