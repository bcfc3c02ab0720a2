import Foundation

/// An optional configuration file of `TSYS_SETTLE_NAME=value` lines (the environment variables'
/// names, so one vocabulary serves flags' fallbacks, containers and files). Precedence: flag >
/// environment variable > file > built-in default: a file value is used only where the
/// environment has none.
enum ConfigFile {
    /// Every name the CLI reads (a test keeps this equal to the names in the sources).
    static let names: Set<String> = [
        "TSYS_SETTLE_ALLOW_TRACE", "TSYS_SETTLE_AMEX_AGGREGATOR_NAME", "TSYS_SETTLE_API_KEY_HASHES", "TSYS_SETTLE_APPLICATION_ID",
        "TSYS_SETTLE_CA_FILE", "TSYS_SETTLE_CLIENT_CERT", "TSYS_SETTLE_CLIENT_CERT_PASSWORD", "TSYS_SETTLE_COMBINE_RECORDS",
        "TSYS_SETTLE_CONFIG", "TSYS_SETTLE_CONNECTION_TIMEOUT", "TSYS_SETTLE_DEVELOPER_ID", "TSYS_SETTLE_DEVICE_CODE",
        "TSYS_SETTLE_GENKEY", "TSYS_SETTLE_HOST", "TSYS_SETTLE_INSECURE_BIND", "TSYS_SETTLE_LISTEN_HOST", "TSYS_SETTLE_LISTEN_PORT",
        "TSYS_SETTLE_LOCAL_PORT", "TSYS_SETTLE_LOCATION_NUMBER", "TSYS_SETTLE_LOG_LEVEL", "TSYS_SETTLE_MC_DESCRIPTION_LENGTH",
        "TSYS_SETTLE_PLAIN_TCP", "TSYS_SETTLE_PORT", "TSYS_SETTLE_PROCESSOR", "TSYS_SETTLE_PROXY", "TSYS_SETTLE_PROXY_EXCEPTIONS",
        "TSYS_SETTLE_PROXY_PASSWORD", "TSYS_SETTLE_REQUIRE_MODERN_GROUPS", "TSYS_SETTLE_SSL_KEYLOG_FILE", "TSYS_SETTLE_TCP_KEEPALIVE",
        "TSYS_SETTLE_USE_HTTP_POST", "TSYS_SETTLE_USE_IPV6", "TSYS_SETTLE_CA_DIRECTORY", "TSYS_SETTLE_ACCEPT_SERVER_CERT",
        "TSYS_SETTLE_INSECURE_SKIP_VERIFY", "TSYS_SETTLE_TLS_MINIMUM_VERSION", "TSYS_SETTLE_CIPHER_LIST", "TSYS_SETTLE_SERVER_NAME",
        "TSYS_SETTLE_CLIENT_KEY", "TSYS_SETTLE_KEEPALIVE_TIME", "TSYS_SETTLE_KEEPALIVE_INTERVAL", "TSYS_SETTLE_LINGER_TIME",
        "TSYS_SETTLE_LOCAL_HOST", "TSYS_SETTLE_TCP_DELAY", "TSYS_SETTLE_ENQUIRY_TIMEOUT", "TSYS_SETTLE_ACK_TIMEOUT",
        "TSYS_SETTLE_RESPONSE_TIMEOUT", "TSYS_SETTLE_PROCESSING_LIMIT", "TSYS_SETTLE_MAX_RETRANSMISSIONS",
        "TSYS_SETTLE_API_TLS_CERTIFICATE", "TSYS_SETTLE_API_TLS_KEY", "TSYS_SETTLE_API_TLS_MINIMUM_VERSION", "TSYS_SETTLE_MAX_CONNECTIONS",
        "TSYS_SETTLE_MAX_BODY_BYTES", "TSYS_SETTLE_HEADER_TIMEOUT", "TSYS_SETTLE_IDLE_TIMEOUT", "TSYS_SETTLE_BODY_TIMEOUT",
        "TSYS_SETTLE_WRITE_TIMEOUT", "TSYS_SETTLE_DRAIN_TIMEOUT", "TSYS_SETTLE_DATA_DIR", "TSYS_SETTLE_IDEMPOTENCY_KEY_HOURS",
        "TSYS_SETTLE_LEDGER_SYNC_EVERY_CHANGE", "TSYS_SETTLE_LEDGER_KEY",
    ]

    /// The settings in `text`; unknown names and malformed lines are errors (a typo must not
    /// silently fall back to a default).
    static func parse(_ text: String, path: String) throws -> [String: String] {
        var values: [String: String] = [:]
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else { throw CLIError("\(path):\(number + 1): expected NAME=value") }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard names.contains(name), name != "TSYS_SETTLE_CONFIG" else { throw CLIError("\(path):\(number + 1): unknown setting \(name)") }
            values[name] = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        }
        return values
    }

    /// Finds the file (`--config PATH` or `TSYS_SETTLE_CONFIG`) and sets each value the
    /// environment does not already set, before any command reads its options.
    static func apply(arguments: [String], environment: [String: String]) throws {
        var path = environment["TSYS_SETTLE_CONFIG"]
        for (index, argument) in arguments.enumerated() {
            if argument == "--config", index + 1 < arguments.count { path = arguments[index + 1] }
            if argument.hasPrefix("--config=") { path = String(argument.dropFirst("--config=".count)) }
        }
        guard let path, !path.isEmpty else { return }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw CLIError("cannot read the configuration file \(path)")
        }
        for (name, value) in try parse(text, path: path) where environment[name] == nil { setenv(name, value, 0) }
    }
}
