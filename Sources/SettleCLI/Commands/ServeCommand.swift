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
struct ServeCommand: ConfiguredCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the JSON settlement API over HTTP/1.1 (the built-in simulator unless a processor is configured).")

    @OptionGroup var configFile: ConfigFileOption
    @OptionGroup(title: "Server (address, API keys, HTTPS, limits and timeouts)") var server: ServerOptions
    @OptionGroup(title: "Settlement ledger") var ledgerOptions: LedgerOptions
    @OptionGroup var options: EngineOptions
    @OptionGroup var link: LinkOptions
    @OptionGroup(title: "Tuning (TLS, TCP and link timer details)") var tuning: TuningOptions

    static let settingsName = "serve"
    var givenFlags: GivenFlags {
        configFile.flags.merging(server.flags).merging(ledgerOptions.flags).merging(options.flags).merging(link.flags).merging(tuning.flags)
    }

    func run() throws {
        let settings = try settings()
        let keys = try ServerOptions.keys(settings)
        let serverConfiguration = try ServerOptions.configuration(settings)
        let host = serverConfiguration.host
        let stop = StopSignal()
        let clock = EngineOptions.clock(settings)
        var settler = try LinkOptions.settler(settings)
        var simulator: SimulatorServer?
        if case .simulator = settler.endpoint {
            let server = try SimulatorServer(service: settler.usesHTTPPost ? .httpPost : .socket, judge: BatchJudge(today: clock.today()))
            simulator = server
            settler.simulator = (server.port, server.certificatePEM)
        }
        defer { simulator?.stop() }
        var configured = SettlementAPI(defaults: EngineOptions.defaults(settings), clock: clock, settler: settler, keys: keys)
        configured.allowsTrace = settings.isOn(.allowTrace)
        let ledger = try LedgerOptions.open(settings)
        configured.ledger = ledger
        configured.fingerprintKey = try LedgerOptions.fingerprintKey(settings)
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
        FileHandle.standardError.write(Data("tsys-settle serve: listening on \(serverConfiguration.tls == nil ? "http" : "https")://\(host):\(bound), settling against \(target), environment \(api.environment), \(keys.isEmpty ? "no API keys (loopback only)" : "\(settings.list(.apiKeyHashes).count) API key(s) required"), ledger \(ledger.path)\n".utf8))
        stop.wait()
        api.readiness.markDraining()
        FileHandle.standardError.write(Data("tsys-settle serve: stopping; finishing settlements in progress\n".utf8))
        try AsyncBridge.run { await server.shutdown() }
    }
}
