/// Where batches are settled: a preset (never a hostname from a caller) or a custom host set in
/// configuration. The class reference's `Processor`, `Server` and `Port`.
public enum ProcessorEndpoint: Sendable, Hashable {
    /// The built-in TSYS host simulator on loopback: the default, so nothing leaves the machine.
    case simulator
    case tsysTest
    case tsysLive
    case heartlandTest
    case heartlandLive
    /// A host and port from configuration (a certification lab, a private line).
    case custom(host: String, port: Int)

    /// The configuration names of the presets.
    public static let presetNames = ["simulator", "tsys-test", "tsys-live", "heartland-test", "heartland-live"]

    /// Reads a preset name, or `custom` with its host and port.
    public init?(name: String, host: String? = nil, port: Int? = nil) {
        switch name {
        case "simulator": self = .simulator
        case "tsys-test": self = .tsysTest
        case "tsys-live": self = .tsysLive
        case "heartland-test": self = .heartlandTest
        case "heartland-live": self = .heartlandLive
        case "custom":
            guard let host, !host.isEmpty, let port, (1...65535).contains(port) else { return nil }
            self = .custom(host: host, port: port)
        default: return nil
        }
    }

    /// The TLS socket service (spec §1.1; Heartland from the class reference's `Port` notes).
    public var socketAddress: (host: String, port: Int)? {
        switch self {
        case .simulator: nil
        case .tsysTest: ("ssltest.tsysacquiring.net", 5004)
        case .tsysLive: ("ssl2.vitalps.net", 5003)
        case .heartlandTest: ("test.txns.secureexchange.net", 12342)
        case .heartlandLive: ("txns.secureexchange.net", 22342)
        case .custom(let host, let port): (host, port)
        }
    }

    /// The HTTPS POST gateway (`UseHTTPPOST`), where one exists.
    public var gatewayURL: String? {
        switch self {
        case .tsysTest: "https://ssltest.tsysacquiring.net/scripts/gateway.dll?transact"
        case .tsysLive: "https://ssl1.tsysacquiring.net/scripts/gateway.dll?transact"
        default: nil
        }
    }

    /// Which environment answered, as responses report it.
    public var environment: String {
        switch self {
        case .simulator: "simulator"
        case .tsysTest, .heartlandTest: "test"
        case .tsysLive, .heartlandLive: "live"
        case .custom: "custom"
        }
    }
}
