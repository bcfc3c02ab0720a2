import ArgumentParser
import Foundation
import SettleAPI
import SettleDTO
import SettleHTTP
import SettleLedger
import SettleService
import SettleSimulator

/// `tsys-settle serve`: the HTTP settlement API. With no processor configured it settles against
/// a built-in simulator on loopback, and says so.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the JSON settlement API over HTTP/1.1 (the built-in simulator unless a processor is configured).")

    @Option(help: "Address to listen on. [env: TSYS_SETTLE_LISTEN_HOST, default 127.0.0.1]")
    var listenHost: String?

    @Option(help: "Port to listen on. [env: TSYS_SETTLE_LISTEN_PORT, default 8080]")
    var listenPort: Int?

    @Option(help: "SHA-256 (hex) of an API key callers send as 'Authorization: Bearer KEY'; repeat for several (printf %s \"$KEY\" | sha256sum). [env: TSYS_SETTLE_API_KEY_HASHES, comma-separated]")
    var apiKeyHash: [String] = []

    @Flag(help: "Let POST /v1/settlements?trace=true return the settlement's packets (card numbers masked). [env: TSYS_SETTLE_ALLOW_TRACE=true]")
    var allowTrace = false

    @Flag(help: "Listen beyond loopback although no API keys protect the API. [env: TSYS_SETTLE_INSECURE_BIND=true]")
    var insecureBind = false

    @OptionGroup(title: "Server (HTTPS, limits and timeouts)") var server: ServerOptions
    @OptionGroup(title: "Settlement ledger") var ledgerOptions: LedgerOptions
    @OptionGroup var options: EngineOptions
    @OptionGroup var link: LinkOptions
    @OptionGroup(title: "Tuning (TLS, TCP and link timer details)") var tuning: TuningOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let host = listenHost ?? environment["TSYS_SETTLE_LISTEN_HOST"] ?? "127.0.0.1"
        let port = try FlagOrEnvironment(environment: environment).number(listenPort, .listenPort) ?? 8080
        let insecure = insecureBind || environment["TSYS_SETTLE_INSECURE_BIND"]?.lowercased() == "true"
        let hashes = apiKeyHash.isEmpty
            ? (environment["TSYS_SETTLE_API_KEY_HASHES"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            : apiKeyHash
        guard let keys = APIKeys(hexHashes: hashes) else { throw CLIError("--api-key-hash takes the 64-hex-digit SHA-256 of a key, not the key") }
        guard ["127.0.0.1", "::1", "localhost"].contains(host) || insecure || !keys.isEmpty else {
            throw CLIError("refusing to listen on \(host) without API keys; use a loopback address or --insecure-bind")
        }
        let serverConfiguration = try self.server.configuration(host: host, port: port)
        let stop = StopSignal()
        let clock = try options.clock()
        var settler = try link.settler(httpPost: environment["TSYS_SETTLE_USE_HTTP_POST"]?.lowercased() == "true")
        try tuning.apply(to: &settler)
        var simulator: SimulatorServer?
        if case .simulator = settler.endpoint {
            let server = try SimulatorServer(service: settler.usesHTTPPost ? .httpPost : .socket, judge: BatchJudge(today: clock.today()))
            simulator = server
            settler.simulator = (server.port, server.certificatePEM)
        }
        defer { simulator?.stop() }
        var configured = SettlementAPI(defaults: try options.defaults(), clock: clock, settler: settler, keys: keys)
        configured.allowsTrace = allowTrace || environment["TSYS_SETTLE_ALLOW_TRACE"]?.lowercased() == "true"
        let ledger = try ledgerOptions.open()
        configured.ledger = ledger
        configured.fingerprintKey = try ledgerOptions.fingerprintKey()
        // Whatever was on the wire when the service last stopped is in doubt; nothing is resent.
        for entry in try ledger.recoverInterrupted(at: Date()) {
            FileHandle.standardError.write(Data(
                "tsys-settle serve: settlement \(entry.id) (merchant \(entry.submission.merchantNumber) terminal \(entry.submission.terminalNumber) batch \(entry.submission.batchNumber)) was interrupted by the last stop; it is now \(entry.state.rawValue)\(entry.state == .inDoubt ? ": check TSYS reports, then resolve it" : "")\n".utf8))
        }
        let api = configured
        let server = HTTPServer(configuration: serverConfiguration) { await api.handle($0) }
        api.metrics.observeConnections { server.openConnections }
        let bound: Int
        do {
            bound = try AsyncBridge.run { try await server.start() }
        } catch let error as HTTPServerError {
            throw CLIError(error.description)
        }
        let target = simulator.map { "the built-in TSYS host simulator on 127.0.0.1:\($0.port) (offline; configure --processor for the test or live host)" }
            ?? "\(settler.endpoint.socketAddress.map { "\($0.host):\($0.port)" } ?? "the gateway")"
        FileHandle.standardError.write(Data("tsys-settle serve: listening on \(serverConfiguration.tls == nil ? "http" : "https")://\(host):\(bound), settling against \(target), environment \(api.environment), \(keys.isEmpty ? "no API keys (loopback only)" : "\(hashes.count) API key(s) required"), ledger \(ledger.path)\n".utf8))
        stop.wait()
        api.readiness.markDraining()
        FileHandle.standardError.write(Data("tsys-settle serve: stopping; finishing settlements in progress\n".utf8))
        try AsyncBridge.run { await server.shutdown() }
    }
}
