import ArgumentParser
import Foundation
import SettleLink
import SettleService
import SettleTransport

/// The rest of the class reference's link settings: TLS details, TCP details and link timers.
/// Each falls back to its environment variable (and so to the configuration file).
struct TuningOptions: ParsableArguments {
    @Option(help: "OpenSSLCADir: a directory of hashed CA certificates. [env: TSYS_SETTLE_CA_DIRECTORY]")
    var caDirectory: String?

    @Option(help: "SSLAcceptServerCertEncoded: trust exactly the certificate in this PEM file, and nothing else. [env: TSYS_SETTLE_ACCEPT_SERVER_CERT]")
    var acceptServerCertificate: String?

    @Flag(help: "Do not verify the host's certificate (announced as a warning on every connection). [env: TSYS_SETTLE_INSECURE_SKIP_VERIFY=true]")
    var insecureSkipVerify = false

    @Option(help: "SSLEnabledProtocols, as the lowest version: TLSv1.2 (default) or TLSv1.3. [env: TSYS_SETTLE_TLS_MINIMUM_VERSION]")
    var tlsMinimumVersion: String?

    @Option(help: "OpenSSLCipherList for TLS 1.2. [env: TSYS_SETTLE_CIPHER_LIST]")
    var cipherList: String?

    @Option(help: "Name for SNI and certificate checking, when it differs from the host. [env: TSYS_SETTLE_SERVER_NAME]")
    var serverName: String?

    @Option(help: "Client private key (PEM file) when --client-certificate holds only the certificate. [env: TSYS_SETTLE_CLIENT_KEY]")
    var clientKey: String?

    @Option(help: "TCPKeepAlive idle seconds before the first probe (KeepAliveTime, default 7200). [env: TSYS_SETTLE_KEEPALIVE_TIME]")
    var keepAliveTime: Int?

    @Option(help: "Seconds between keep-alive probes (KeepAliveInterval, default 75). [env: TSYS_SETTLE_KEEPALIVE_INTERVAL]")
    var keepAliveInterval: Int?

    @Option(help: "Linger/LingerTime: seconds to linger on close (0 resets). [env: TSYS_SETTLE_LINGER_TIME]")
    var lingerTime: Int?

    @Option(help: "LocalHost: the local address to bind before connecting. [env: TSYS_SETTLE_LOCAL_HOST]")
    var localHost: String?

    @Flag(help: "TcpNoDelay off: let Nagle delay small writes. [env: TSYS_SETTLE_TCP_DELAY=true]")
    var tcpDelay = false

    @Option(help: "Link timers in seconds: wait for ENQ (15). [env: TSYS_SETTLE_ENQUIRY_TIMEOUT]")
    var enquiryTimeout: Int?

    @Option(help: "Wait for each block's ACK (30). [env: TSYS_SETTLE_ACK_TIMEOUT]")
    var acknowledgementTimeout: Int?

    @Option(help: "timeout: wait for the response, restarted by each DC2 (30). [env: TSYS_SETTLE_RESPONSE_TIMEOUT]")
    var responseTimeout: Int?

    @Option(help: "Longest the host may keep processing with DC2s (120). [env: TSYS_SETTLE_PROCESSING_LIMIT]")
    var processingLimit: Int?

    @Option(help: "Resends of a NAKed block (3). [env: TSYS_SETTLE_MAX_RETRANSMISSIONS]")
    var maximumRetransmissions: Int?

    func apply(to settler: inout Settler, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let source = FlagOrEnvironment(environment: environment)
        let text = source.text, number = source.number, file = source.file
        settler.tls.caDirectory = text(caDirectory, "TSYS_SETTLE_CA_DIRECTORY")
        settler.tls.acceptedServerCertificatePEM = try file(text(acceptServerCertificate, "TSYS_SETTLE_ACCEPT_SERVER_CERT"))
        settler.tls.verifiesPeer = !source.isOn(insecureSkipVerify, "TSYS_SETTLE_INSECURE_SKIP_VERIFY")
        if let version = text(tlsMinimumVersion, "TSYS_SETTLE_TLS_MINIMUM_VERSION") {
            guard let parsed = TLSVersion(rawValue: version) else { throw CLIError("the TLS minimum version must be TLSv1.2 or TLSv1.3") }
            settler.tls.minimumVersion = parsed
        }
        settler.tls.cipherList = text(cipherList, "TSYS_SETTLE_CIPHER_LIST")
        settler.tls.serverName = text(serverName, "TSYS_SETTLE_SERVER_NAME")
        if let key = try file(text(clientKey, "TSYS_SETTLE_CLIENT_KEY")) { settler.tls.clientKeyPEM = key }
        if let seconds = try number(keepAliveTime, .keepAliveTime) { settler.tcpOptions.keepAliveTime = .seconds(seconds) }
        if let seconds = try number(keepAliveInterval, .keepAliveInterval) { settler.tcpOptions.keepAliveInterval = .seconds(seconds) }
        settler.tcpOptions.lingerSeconds = try number(lingerTime, .lingerTime)
        settler.tcpOptions.localHost = text(localHost, "TSYS_SETTLE_LOCAL_HOST")
        settler.tcpOptions.noDelay = !source.isOn(tcpDelay, "TSYS_SETTLE_TCP_DELAY")
        if let seconds = try number(enquiryTimeout, .enquiryTimeout) { settler.link.enquiryTimeout = .seconds(seconds) }
        if let seconds = try number(acknowledgementTimeout, .acknowledgementTimeout) { settler.link.acknowledgementTimeout = .seconds(seconds) }
        if let seconds = try number(responseTimeout, .responseTimeout) { settler.link.responseTimeout = .seconds(seconds) }
        if let seconds = try number(processingLimit, .processingLimit) { settler.link.processingLimit = .seconds(seconds) }
        if let count = try number(maximumRetransmissions, .maximumRetransmissions) { settler.link.maximumRetransmissions = count }
    }
}
