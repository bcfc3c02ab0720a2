import ArgumentParser
import Foundation
import SettleDTO
import SettleModel
import SettleRecords
import SettleService
import SettleSimulator

/// `tsys-settle send FILE.json`: settle a batch and print the result as JSON.
struct SendCommand: ConfiguredCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Settle a batch with the configured processor (the built-in simulator unless configured otherwise).",
        discussion: "Exit status: 0 GB (accepted), 2 RB (rejected), 3 QD (duplicate), 4 link failure (nothing captured), 5 in doubt, 1 bad input."
    )

    @Argument(help: "The settlement document (JSON), or - for standard input.")
    var file: String

    @Flag(help: "Print the data packets each way to standard error (card numbers masked).")
    var trace = false

    @OptionGroup var configFile: ConfigFileOption
    @OptionGroup var options: EngineOptions
    @OptionGroup var link: LinkOptions
    @OptionGroup(title: "Tuning (TLS, TCP and link timer details)") var tuning: TuningOptions

    static let settingsName = "send"
    var givenFlags: GivenFlags { configFile.flags.merging(options.flags).merging(link.flags).merging(tuning.flags) }

    func run() throws {
        let settings = try settings()
        var settler = try LinkOptions.settler(settings)
        let batch: Batch, encoded: EncodedBatch
        switch try BatchFile.load(file, settings: settings) {
        case .invalid(let issues): try BatchFile.fail(issues)
        case .encoded(let loadedBatch, let loadedEncoding, _, _): (batch, encoded) = (loadedBatch, loadedEncoding)
        }
        let endpoint = settler.endpoint
        // With no processor configured, a simulator runs in this process for the one batch.
        var simulator: SimulatorServer?
        if case .simulator = endpoint {
            let server = try SimulatorServer(
                service: settler.usesHTTPPost ? .httpPost : .socket,
                judge: BatchJudge(profile: EngineOptions.defaults(settings).profile, today: batch.transmissionDate))
            simulator = server
            settler.simulator = (server.port, server.certificatePEM)
        }
        defer { simulator?.stop() }
        let packets = trace ? PacketTrace(profile: settler.profile) : nil
        let outcome = settler.settle(encoded, trace: packets)
        for line in packets?.entries ?? [] { FileHandle.standardError.write(Data((line + "\n").utf8)) }
        try BatchFile.printJSON(SettlementResultDTO(outcome, environment: endpoint.environment, totals: encoded.totals))
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
