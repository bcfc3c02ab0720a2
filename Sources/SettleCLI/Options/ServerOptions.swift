import ArgumentParser
import SettleAPI
import SettleHTTP
import SettleSettings

/// The API server's own settings: where it listens, who may call it, HTTPS, and the bounds it
/// holds each connection to; names, help and defaults are the catalogue's (``Setting``).
struct ServerOptions: ParsableArguments {
    @Option(name: Setting.listenHost.name, help: Setting.listenHost.argumentHelp) var listenHost: String?
    @Option(name: Setting.listenPort.name, help: Setting.listenPort.argumentHelp) var listenPort: String?
    @Option(name: Setting.apiKeyHashes.name, help: Setting.apiKeyHashes.argumentHelp) var apiKeyHash: [String] = []
    @Flag(name: Setting.allowTrace.name, inversion: .prefixedNo, help: Setting.allowTrace.argumentHelp) var allowTrace: Bool?
    @Flag(name: Setting.insecureBind.name, inversion: .prefixedNo, help: Setting.insecureBind.argumentHelp) var insecureBind: Bool?
    @Option(name: Setting.apiTLSCertificate.name, help: Setting.apiTLSCertificate.argumentHelp) var apiTlsCertificate: String?
    @Option(name: Setting.apiTLSKey.name, help: Setting.apiTLSKey.argumentHelp) var apiTlsKey: String?
    @Option(name: Setting.apiTLSMinimumVersion.name, help: Setting.apiTLSMinimumVersion.argumentHelp) var apiTlsMinimumVersion: String?
    @Option(name: Setting.maxConnections.name, help: Setting.maxConnections.argumentHelp) var maxConnections: String?
    @Option(name: Setting.maxBodyBytes.name, help: Setting.maxBodyBytes.argumentHelp) var maxBodyBytes: String?
    @Option(name: Setting.headerTimeout.name, help: Setting.headerTimeout.argumentHelp) var headerTimeout: String?
    @Option(name: Setting.idleTimeout.name, help: Setting.idleTimeout.argumentHelp) var idleTimeout: String?
    @Option(name: Setting.bodyTimeout.name, help: Setting.bodyTimeout.argumentHelp) var bodyTimeout: String?
    @Option(name: Setting.writeTimeout.name, help: Setting.writeTimeout.argumentHelp) var writeTimeout: String?
    @Option(name: Setting.drainTimeout.name, help: Setting.drainTimeout.argumentHelp) var drainTimeout: String?

    var flags: GivenFlags {
        var given = GivenFlags()
        given[.listenHost] = listenHost
        given[.listenPort] = listenPort
        given.repeated(.apiKeyHashes, apiKeyHash)
        given.switched(.allowTrace, allowTrace)
        given.switched(.insecureBind, insecureBind)
        given[.apiTLSCertificate] = apiTlsCertificate
        given[.apiTLSKey] = apiTlsKey
        given[.apiTLSMinimumVersion] = apiTlsMinimumVersion
        given[.maxConnections] = maxConnections
        given[.maxBodyBytes] = maxBodyBytes
        given[.headerTimeout] = headerTimeout
        given[.idleTimeout] = idleTimeout
        given[.bodyTimeout] = bodyTimeout
        given[.writeTimeout] = writeTimeout
        given[.drainTimeout] = drainTimeout
        return given
    }

    /// The API keys, and the refusal to listen beyond loopback without them (unless told to).
    static func keys(_ settings: EffectiveSettings) throws -> APIKeys {
        let hashes = settings.list(.apiKeyHashes)
        guard let keys = APIKeys(hexHashes: hashes) else {
            throw CLIError(
                "\(Setting.apiKeyHashes) takes the 64-hex-digit SHA-256 of a key, not the key, optionally scoped to merchant profiles as HASH@shop-1+shop-2"
            )
        }
        let host = settings.text(.listenHost) ?? "127.0.0.1"
        guard ["127.0.0.1", "::1", "localhost"].contains(host) || settings.isOn(.insecureBind) || !keys.isEmpty else {
            throw CLIError("refusing to listen on \(host) without API keys; use a loopback address or --insecure-bind")
        }
        return keys
    }

    /// The server configuration the settings give.
    static func configuration(_ settings: EffectiveSettings) throws -> HTTPServerConfiguration {
        var configuration = HTTPServerConfiguration(host: settings.text(.listenHost) ?? "127.0.0.1", port: settings.number(.listenPort) ?? 8080)
        if let count = settings.number(.maxConnections) { configuration.maximumConnections = count }
        if let bytes = settings.number(.maxBodyBytes) { configuration.limits.maximumBodyBytes = bytes }
        if let seconds = settings.number(.headerTimeout) { configuration.headerReadTimeout = .seconds(seconds) }
        if let seconds = settings.number(.idleTimeout) { configuration.idleTimeout = .seconds(seconds) }
        if let seconds = settings.number(.bodyTimeout) { configuration.bodyTimeout = .seconds(seconds) }
        if let seconds = settings.number(.writeTimeout) { configuration.writeTimeout = .seconds(seconds) }
        if let seconds = settings.number(.drainTimeout) { configuration.drainTimeout = .seconds(seconds) }
        switch (settings.text(.apiTLSCertificate), settings.text(.apiTLSKey)) {
        case (nil, nil): break
        case (let certificate?, let key?):
            var tls = HTTPTLSConfiguration(certificateChainFile: certificate, privateKeyFile: key)
            tls.minimumVersion =
                settings.text(.apiTLSMinimumVersion).flatMap(HTTPTLSConfiguration.MinimumVersion.init(rawValue:)) ?? tls.minimumVersion
            configuration.tls = tls
        default:
            throw CLIError("HTTPS needs both \(Setting.apiTLSCertificate) and \(Setting.apiTLSKey)")
        }
        return configuration
    }
}
