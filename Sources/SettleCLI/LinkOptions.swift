import ArgumentParser
import Foundation
import Logging
import SettleService
import SettleTransport

/// Where `send` settles, and how it connects. Flags fall back to environment variables.
struct LinkOptions: ParsableArguments {
    @Option(help: "Processor: simulator (default), tsys-test, tsys-live, heartland-test, heartland-live, custom. [env: TSYS_SETTLE_PROCESSOR]")
    var processor: String?

    @Option(help: "Host for --processor custom. [env: TSYS_SETTLE_HOST]")
    var host: String?

    @Option(help: "Port for --processor custom. [env: TSYS_SETTLE_PORT]")
    var port: Int?

    @Option(help: "PEM file of certificates to trust for the host (OpenSSLCAFile). [env: TSYS_SETTLE_CA_FILE]")
    var caFile: String?

    @Option(help: "Seconds to wait for the connection (ConnectionTimeout, default 30). [env: TSYS_SETTLE_CONNECTION_TIMEOUT]")
    var connectionTimeout: Int?

    @Flag(help: "Prefer IPv6 addresses when the host has both (UseIPv6). [env: TSYS_SETTLE_USE_IPV6=true]")
    var useIPv6 = false

    func prefersIPv6(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        useIPv6 || environment["TSYS_SETTLE_USE_IPV6"]?.lowercased() == "true"
    }

    @Flag(help: "Plain TCP instead of TLS (a private line, or `simulate --plain`). [env: TSYS_SETTLE_PLAIN_TCP=true]")
    var plain = false

    func plainTCP(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        plain || environment["TSYS_SETTLE_PLAIN_TCP"]?.lowercased() == "true"
    }

    @Flag(help: "Send TCP keep-alive probes on an idle link (TCPKeepAlive). [env: TSYS_SETTLE_TCP_KEEPALIVE=true]")
    var tcpKeepAlive = false

    @Option(help: "Bind the local end to this port before connecting (LocalPort; firewalls that allow one source port). [env: TSYS_SETTLE_LOCAL_PORT]")
    var localPort: Int?

    func tcpOptions(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> TCPOptions {
        let port = try FlagOrEnvironment(environment: environment).number(localPort, .localPort)
        return TCPOptions(keepAlive: tcpKeepAlive || environment["TSYS_SETTLE_TCP_KEEPALIVE"]?.lowercased() == "true", localPort: port)
    }

    @Option(help: "Proxy to reach the processor through: http://, socks4://, socks4a:// or socks5://[user@]host[:port] (FirewallType); the password comes from TSYS_SETTLE_PROXY_PASSWORD only. [env: TSYS_SETTLE_PROXY]")
    var proxy: String?

    @Option(help: "Comma-separated hosts reached without the proxy (ProxyExceptionsList). [env: TSYS_SETTLE_PROXY_EXCEPTIONS]")
    var proxyExceptions: String?

    func proxySettings(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ProxySettings? {
        guard let text = proxy ?? environment["TSYS_SETTLE_PROXY"], !text.isEmpty else { return nil }
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty,
            let kind = ProxySettings.Kind(rawValue: scheme == "socks5h" ? "socks5" : scheme)
        else { throw CLIError("--proxy must look like socks5://host:1080 or http://user@host:8080 (schemes: http, socks4, socks4a, socks5)") }
        if url.password != nil { throw CLIError("put the proxy password in TSYS_SETTLE_PROXY_PASSWORD, not in --proxy") }
        let exceptions = (proxyExceptions ?? environment["TSYS_SETTLE_PROXY_EXCEPTIONS"] ?? "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return ProxySettings(
            kind: kind, host: host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port: url.port, user: url.user,
            password: environment["TSYS_SETTLE_PROXY_PASSWORD"], exceptions: exceptions)
    }

    @Option(help: "Log level on standard error: trace (masked packets), debug, info, notice, warning, error, critical. [env: TSYS_SETTLE_LOG_LEVEL]")
    var logLevel: String?

    /// A logger writing to standard error at the configured level (warning by default, so
    /// weakened certificate checks are always seen).
    func logger(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Logger {
        let name = logLevel ?? environment["TSYS_SETTLE_LOG_LEVEL"] ?? "warning"
        guard let level = Logger.Level(rawValue: name.lowercased()) else {
            throw CLIError("unknown log level '\(name)'; use one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var logger = Logger(label: "tsys-settle") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = level
        return logger
    }

    /// A settler configured from these options (the simulator's port is set by the caller).
    func settler(httpPost: Bool) throws -> Settler {
        var settler = Settler(endpoint: try endpoint(), tls: try tls(), usesTLS: !plainTCP(), usesHTTPPost: httpPost, connectionTimeout: try timeout())
        settler.prefersIPv6 = prefersIPv6()
        settler.tcpOptions = try tcpOptions()
        settler.proxy = try proxySettings()
        settler.logger = try logger()
        return settler
    }

    func endpoint(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ProcessorEndpoint {
        let name = processor ?? environment["TSYS_SETTLE_PROCESSOR"] ?? "simulator"
        let host = self.host ?? environment["TSYS_SETTLE_HOST"]
        let port = try FlagOrEnvironment(environment: environment).number(self.port, .port)
        guard let endpoint = ProcessorEndpoint(name: name, host: host, port: port) else {
            if name == "custom" { throw CLIError("--processor custom needs --host and --port (1-65535)") }
            throw CLIError("unknown processor '\(name)'; use one of \((ProcessorEndpoint.presetNames + ["custom"]).joined(separator: ", "))")
        }
        return endpoint
    }

    @Option(help: "Append TLS session secrets to this file for Wireshark (SSLKeyLogFile; refused for live processors). [env: TSYS_SETTLE_SSL_KEYLOG_FILE]")
    var sslKeyLogFile: String?

    @Option(help: "Client certificate for mutual TLS: a PEM file (certificate and key) or a PFX/PKCS#12 file; its password comes from TSYS_SETTLE_CLIENT_CERT_PASSWORD only (SSLCert). [env: TSYS_SETTLE_CLIENT_CERT]")
    var clientCertificate: String?

    func tls(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> TLSSettings {
        var settings = TLSSettings(caFile: caFile ?? environment["TSYS_SETTLE_CA_FILE"], keyLogFile: sslKeyLogFile ?? environment["TSYS_SETTLE_SSL_KEYLOG_FILE"])
        guard let path = clientCertificate ?? environment["TSYS_SETTLE_CLIENT_CERT"] else { return settings }
        guard let contents = FileManager.default.contents(atPath: path) else { throw CLIError("cannot read the client certificate file \(path)") }
        // PEM is text that starts with a BEGIN line; anything else is taken as a PKCS#12 store.
        if let text = String(data: contents, encoding: .utf8), text.contains("-----BEGIN ") {
            settings.clientCertificatePEM = text
        } else {
            settings.clientPKCS12 = Array(contents)
            settings.clientPKCS12Password = environment["TSYS_SETTLE_CLIENT_CERT_PASSWORD"]
        }
        return settings
    }

    func timeout(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Duration {
        .seconds(try FlagOrEnvironment(environment: environment).number(connectionTimeout, .connectionTimeout) ?? 30)
    }
}
