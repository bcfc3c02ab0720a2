import ArgumentParser
import Foundation
import Logging
import SettleDTO
import SettleService
import SettleSettings
import SettleTransport

/// Where a batch is settled and how the link connects (`send`, `serve`); names, help and
/// defaults are the catalogue's (``Setting``).
struct LinkOptions: ParsableArguments {
    @Option(name: Setting.processor.name, help: Setting.processor.argumentHelp) var processor: String?
    @Option(name: Setting.host.name, help: Setting.host.argumentHelp) var host: String?
    @Option(name: Setting.port.name, help: Setting.port.argumentHelp) var port: String?
    @Option(name: Setting.caFile.name, help: Setting.caFile.argumentHelp) var caFile: String?
    @Option(name: Setting.connectionTimeout.name, help: Setting.connectionTimeout.argumentHelp) var connectionTimeout: String?
    @Flag(name: Setting.useIPv6.name, inversion: .prefixedNo, help: Setting.useIPv6.argumentHelp) var useIPv6: Bool?
    @Flag(name: Setting.plainTCP.name, inversion: .prefixedNo, help: Setting.plainTCP.argumentHelp) var plain: Bool?
    @Flag(name: Setting.tcpKeepAlive.name, inversion: .prefixedNo, help: Setting.tcpKeepAlive.argumentHelp) var tcpKeepAlive: Bool?
    @Option(name: Setting.localPort.name, help: Setting.localPort.argumentHelp) var localPort: String?
    @Option(name: Setting.proxy.name, help: Setting.proxy.argumentHelp) var proxy: String?
    @Option(name: Setting.proxyExceptions.name, help: Setting.proxyExceptions.argumentHelp) var proxyExceptions: String?
    @Option(name: Setting.logLevel.name, help: Setting.logLevel.argumentHelp) var logLevel: String?
    @Option(name: Setting.logFormat.name, help: Setting.logFormat.argumentHelp) var logFormat: String?
    @Option(name: Setting.sslKeyLogFile.name, help: Setting.sslKeyLogFile.argumentHelp) var sslKeyLogFile: String?
    @Option(name: Setting.clientCertificate.name, help: Setting.clientCertificate.argumentHelp) var clientCertificate: String?
    @Flag(name: Setting.useHTTPPost.name, inversion: .prefixedNo, help: Setting.useHTTPPost.argumentHelp) var http: Bool?

    var flags: GivenFlags {
        var given = GivenFlags()
        given[.processor] = processor
        given[.host] = host
        given[.port] = port
        given[.caFile] = caFile
        given[.connectionTimeout] = connectionTimeout
        given.switched(.useIPv6, useIPv6)
        given.switched(.plainTCP, plain)
        given.switched(.tcpKeepAlive, tcpKeepAlive)
        given[.localPort] = localPort
        given[.proxy] = proxy
        given[.proxyExceptions] = proxyExceptions
        given[.logLevel] = logLevel
        given[.logFormat] = logFormat
        given[.sslKeyLogFile] = sslKeyLogFile
        given[.clientCertificate] = clientCertificate
        given.switched(.useHTTPPost, http)
        return given
    }

    static func proxySettings(_ settings: EffectiveSettings) throws -> ProxySettings? {
        guard let text = settings.text(.proxy), !text.isEmpty else { return nil }
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty,
            let kind = ProxySettings.Kind(rawValue: scheme == "socks5h" ? "socks5" : scheme)
        else {
            throw CLIError("\(Setting.proxy) must look like socks5://host:1080 or http://user@host:8080 (schemes: http, socks4, socks4a, socks5)")
        }
        if let port = url.port, !(1...65535).contains(port) { throw CLIError("\(Setting.proxy): the port must be 1-65535") }
        return ProxySettings(
            kind: kind, host: host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port: url.port, user: url.user,
            password: settings.text(.proxyPassword), exceptions: settings.list(.proxyExceptions))
    }

    /// A logger writing to standard error at the configured level (warning by default, so
    /// weakened certificate checks are always seen).
    static func logger(_ settings: EffectiveSettings) -> Logger {
        let json = settings.text(.logFormat) == "json"
        var logger = Logger(label: "tsys-settle") { label in
            json ? JSONLogHandler(label: label) as any LogHandler : StreamLogHandler.standardError(label: label)
        }
        logger.logLevel = settings.text(.logLevel).flatMap(Logger.Level.init(rawValue:)) ?? .warning
        return logger
    }

    /// A settler configured from the settings (the simulator's port is set by the caller).
    static func settler(_ settings: EffectiveSettings) throws -> Settler {
        var settler = Settler(
            endpoint: try endpoint(settings), tls: try tls(settings), usesTLS: !settings.isOn(.plainTCP), usesHTTPPost: settings.isOn(.useHTTPPost),
            connectionTimeout: .seconds(settings.number(.connectionTimeout) ?? 30))
        settler.prefersIPv6 = settings.isOn(.useIPv6)
        settler.tcpOptions = TCPOptions(keepAlive: settings.isOn(.tcpKeepAlive), localPort: settings.number(.localPort))
        settler.proxy = try proxySettings(settings)
        settler.logger = logger(settings)
        settler.profile = EngineOptions.defaults(settings).profile
        try TuningOptions.apply(settings, to: &settler)
        return settler
    }

    static func endpoint(_ settings: EffectiveSettings) throws -> ProcessorEndpoint {
        let name = settings.text(.processor) ?? "simulator"
        guard let endpoint = ProcessorEndpoint(name: name, host: settings.text(.host), port: settings.number(.port)) else {
            throw CLIError("--processor custom needs \(Setting.host) and \(Setting.port)")
        }
        return endpoint
    }

    static func tls(_ settings: EffectiveSettings) throws -> TLSSettings {
        var tls = TLSSettings(caFile: settings.text(.caFile), keyLogFile: settings.text(.sslKeyLogFile))
        guard let path = settings.text(.clientCertificate) else { return tls }
        let contents = try settings.contents(of: .clientCertificate, path: path)
        // PEM is text that starts with a BEGIN line; anything else is taken as a PKCS#12 store.
        if let text = String(data: contents, encoding: .utf8), text.contains("-----BEGIN ") {
            tls.clientCertificatePEM = text
        } else {
            tls.clientPKCS12 = Array(contents)
            tls.clientPKCS12Password = settings.text(.clientCertificatePassword)
        }
        return tls
    }
}
