import ArgumentParser
import SettleHTTP

/// The API server's own settings: HTTPS and the bounds it holds each connection to. Each
/// falls back to its environment variable (and so to the configuration file).
struct ServerOptions: ParsableArguments {
    @Option(help: "Serve HTTPS with this PEM certificate chain (leaf first). [env: TSYS_SETTLE_API_TLS_CERTIFICATE]")
    var apiTlsCertificate: String?

    @Option(help: "The PEM private key for --api-tls-certificate. [env: TSYS_SETTLE_API_TLS_KEY]")
    var apiTlsKey: String?

    @Option(help: "Lowest TLS version clients may use: TLSv1.2 (default) or TLSv1.3. [env: TSYS_SETTLE_API_TLS_MINIMUM_VERSION]")
    var apiTlsMinimumVersion: String?

    @Option(help: "Open connections beyond this get 503 (512). [env: TSYS_SETTLE_MAX_CONNECTIONS]")
    var maxConnections: Int?

    @Option(help: "Largest request body in bytes (64 MiB; 413 beyond). [env: TSYS_SETTLE_MAX_BODY_BYTES]")
    var maxBodyBytes: Int?

    @Option(help: "Seconds a client may take to send a request's head (10; 408 after). [env: TSYS_SETTLE_HEADER_TIMEOUT]")
    var headerTimeout: Int?

    @Option(help: "Seconds a kept-alive connection may sit idle (60). [env: TSYS_SETTLE_IDLE_TIMEOUT]")
    var idleTimeout: Int?

    @Option(help: "Seconds a client may take to send a body (60; 408 after). [env: TSYS_SETTLE_BODY_TIMEOUT]")
    var bodyTimeout: Int?

    @Option(help: "Seconds a response may take to leave (30). [env: TSYS_SETTLE_WRITE_TIMEOUT]")
    var writeTimeout: Int?

    @Option(help: "Seconds settlements in progress may take to finish at shutdown (30). [env: TSYS_SETTLE_DRAIN_TIMEOUT]")
    var drainTimeout: Int?

    /// The server configuration for `host` and `port` with these settings applied.
    func configuration(host: String, port: Int, source: FlagOrEnvironment = FlagOrEnvironment()) throws -> HTTPServerConfiguration {
        var configuration = HTTPServerConfiguration(host: host, port: port)
        if let count = try source.number(maxConnections, .maxConnections) { configuration.maximumConnections = count }
        if let bytes = try source.number(maxBodyBytes, .maxBodyBytes) { configuration.limits.maximumBodyBytes = bytes }
        if let seconds = try source.number(headerTimeout, .headerTimeout) { configuration.headerReadTimeout = .seconds(seconds) }
        if let seconds = try source.number(idleTimeout, .idleTimeout) { configuration.idleTimeout = .seconds(seconds) }
        if let seconds = try source.number(bodyTimeout, .bodyTimeout) { configuration.bodyTimeout = .seconds(seconds) }
        if let seconds = try source.number(writeTimeout, .writeTimeout) { configuration.writeTimeout = .seconds(seconds) }
        if let seconds = try source.number(drainTimeout, .drainTimeout) { configuration.drainTimeout = .seconds(seconds) }
        let certificate = source.text(apiTlsCertificate, "TSYS_SETTLE_API_TLS_CERTIFICATE")
        let key = source.text(apiTlsKey, "TSYS_SETTLE_API_TLS_KEY")
        switch (certificate, key) {
        case (nil, nil): break
        case (let certificate?, let key?):
            var tls = HTTPTLSConfiguration(certificateChainFile: certificate, privateKeyFile: key)
            if let version = source.text(apiTlsMinimumVersion, "TSYS_SETTLE_API_TLS_MINIMUM_VERSION") {
                guard let parsed = HTTPTLSConfiguration.MinimumVersion(rawValue: version) else {
                    throw CLIError("the API's TLS minimum version must be TLSv1.2 or TLSv1.3")
                }
                tls.minimumVersion = parsed
            }
            configuration.tls = tls
        default:
            throw CLIError("HTTPS needs both --api-tls-certificate and --api-tls-key")
        }
        return configuration
    }
}
