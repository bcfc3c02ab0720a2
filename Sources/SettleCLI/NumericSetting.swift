/// A whole-number setting: the flag, the environment variable (which the configuration file
/// may set) and the values it may take.
///
/// Every number a user configures is declared here once, so each is parsed and range-checked
/// the same way before anything starts: a value a setting cannot hold, a negative one or one
/// that is not a number at all is refused by name, never clamped, wrapped or replaced by the
/// default, and no later arithmetic on it (seconds to milliseconds, a port to 16 bits) can
/// overflow.
struct NumericSetting: Sendable, CustomStringConvertible {
    /// The flag, with its dashes (`--max-connections`).
    let flag: String
    /// The environment variable, when the setting has one.
    let environment: String?
    let range: ClosedRange<Int>

    var description: String { environment.map { "\(flag) (\($0))" } ?? flag }
}

extension NumericSetting {
    // serve
    static let listenPort = NumericSetting(flag: "--listen-port", environment: "TSYS_SETTLE_LISTEN_PORT", range: 0...65535)
    static let maxConnections = NumericSetting(flag: "--max-connections", environment: "TSYS_SETTLE_MAX_CONNECTIONS", range: 1...100_000)
    static let maxBodyBytes = NumericSetting(flag: "--max-body-bytes", environment: "TSYS_SETTLE_MAX_BODY_BYTES", range: 1024...(1 << 30))
    static let headerTimeout = NumericSetting(flag: "--header-timeout", environment: "TSYS_SETTLE_HEADER_TIMEOUT", range: 1...3600)
    static let idleTimeout = NumericSetting(flag: "--idle-timeout", environment: "TSYS_SETTLE_IDLE_TIMEOUT", range: 1...86_400)
    static let bodyTimeout = NumericSetting(flag: "--body-timeout", environment: "TSYS_SETTLE_BODY_TIMEOUT", range: 1...3600)
    static let writeTimeout = NumericSetting(flag: "--write-timeout", environment: "TSYS_SETTLE_WRITE_TIMEOUT", range: 1...3600)
    static let drainTimeout = NumericSetting(flag: "--drain-timeout", environment: "TSYS_SETTLE_DRAIN_TIMEOUT", range: 0...3600)
    static let idempotencyKeyHours = NumericSetting(
        flag: "--idempotency-key-hours", environment: "TSYS_SETTLE_IDEMPOTENCY_KEY_HOURS", range: 24...(24 * 365))
    // batches
    static let mastercardDescriptionLength = NumericSetting(
        flag: "--mastercard-description-length", environment: "TSYS_SETTLE_MC_DESCRIPTION_LENGTH", range: 35...36)
    // the link
    static let port = NumericSetting(flag: "--port", environment: "TSYS_SETTLE_PORT", range: 1...65535)
    static let connectionTimeout = NumericSetting(flag: "--connection-timeout", environment: "TSYS_SETTLE_CONNECTION_TIMEOUT", range: 1...3600)
    static let localPort = NumericSetting(flag: "--local-port", environment: "TSYS_SETTLE_LOCAL_PORT", range: 0...65535)
    // Linux refuses TCP_KEEPIDLE and TCP_KEEPINTVL above 32767 seconds.
    static let keepAliveTime = NumericSetting(flag: "--keep-alive-time", environment: "TSYS_SETTLE_KEEPALIVE_TIME", range: 1...32767)
    static let keepAliveInterval = NumericSetting(flag: "--keep-alive-interval", environment: "TSYS_SETTLE_KEEPALIVE_INTERVAL", range: 1...32767)
    static let lingerTime = NumericSetting(flag: "--linger-time", environment: "TSYS_SETTLE_LINGER_TIME", range: 0...3600)
    static let enquiryTimeout = NumericSetting(flag: "--enquiry-timeout", environment: "TSYS_SETTLE_ENQUIRY_TIMEOUT", range: 1...3600)
    static let acknowledgementTimeout = NumericSetting(flag: "--acknowledgement-timeout", environment: "TSYS_SETTLE_ACK_TIMEOUT", range: 1...3600)
    static let responseTimeout = NumericSetting(flag: "--response-timeout", environment: "TSYS_SETTLE_RESPONSE_TIMEOUT", range: 1...3600)
    static let processingLimit = NumericSetting(flag: "--processing-limit", environment: "TSYS_SETTLE_PROCESSING_LIMIT", range: 1...86_400)
    static let maximumRetransmissions = NumericSetting(
        flag: "--maximum-retransmissions", environment: "TSYS_SETTLE_MAX_RETRANSMISSIONS", range: 0...10)
    // settlements list
    static let listLimit = NumericSetting(flag: "--limit", environment: nil, range: 1...500)
    // simulate (a test tool: flags only)
    static let simulatorPort = NumericSetting(flag: "--port", environment: nil, range: 0...65535)
    static let simulatorNAKs = NumericSetting(flag: "--nak", environment: nil, range: 0...1000)
    static let simulatorDisconnectAfter = NumericSetting(flag: "--disconnect-after", environment: nil, range: 0...1_000_000)
    static let simulatorProcessingDelay = NumericSetting(flag: "--processing-delay", environment: nil, range: 0...3600)
    static let simulatorCorruptResponses = NumericSetting(flag: "--corrupt-responses", environment: nil, range: 0...1000)
    static let simulatorEarlyRejectionAt = NumericSetting(flag: "--early-rejection-at", environment: nil, range: 1...1_000_000)
    static let simulatorErrorDataLength = NumericSetting(flag: "--error-data-length", environment: nil, range: 17...32)

    /// The whole-number settings of `serve` and `send` (the link and engine ones are shared).
    static let server: [NumericSetting] = [
        listenPort, maxConnections, maxBodyBytes, headerTimeout, idleTimeout, bodyTimeout, writeTimeout, drainTimeout,
        idempotencyKeyHours, mastercardDescriptionLength, port, connectionTimeout, localPort, keepAliveTime, keepAliveInterval,
        lingerTime, enquiryTimeout, acknowledgementTimeout, responseTimeout, processingLimit, maximumRetransmissions,
    ]

    /// The whole-number settings of `simulate`.
    static let simulator: [NumericSetting] = [
        simulatorPort, simulatorNAKs, simulatorDisconnectAfter, simulatorProcessingDelay, simulatorCorruptResponses,
        simulatorEarlyRejectionAt, simulatorErrorDataLength,
    ]

    /// Refuses `value` unless the setting may take it.
    func check(_ value: Int) throws -> Int {
        guard range.contains(value) else { throw CLIError("\(self) must be \(range.lowerBound)-\(range.upperBound), got \(value)") }
        return value
    }
}
