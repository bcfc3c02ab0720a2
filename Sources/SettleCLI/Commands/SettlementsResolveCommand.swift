import ArgumentParser
import Foundation
import SettleAPI
import SettleDTO
import SettleLedger

/// `tsys-settle settlements resolve ID --captured|--not-captured --note TEXT`: an operator's
/// finding on an in-doubt batch, after checking TSYS reports.
struct SettlementsResolveCommand: ConfiguredCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve an in-doubt settlement: captured (its number stays taken) or not captured (it may be sent again).")

    @OptionGroup var configFile: ConfigFileOption
    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The settlement id (stl_...).") var id: String
    @Flag(help: "TSYS has the batch.") var captured = false
    @Flag(help: "TSYS does not have the batch.") var notCaptured = false
    @Option(help: "What the finding rests on (a TSYS report, a call); kept with the entry.") var note: String

    static let settingsName = "settlements"
    var givenFlags: GivenFlags { configFile.flags.merging(ledger.flags) }

    func run() throws {
        let settings = try settings()
        guard captured != notCaptured else { throw CLIError("give exactly one of --captured and --not-captured") }
        guard !note.isEmpty, note.count <= 500 else { throw CLIError("--note must be 1-500 characters") }
        let result: LedgerResolutionResult
        do {
            result = try LedgerOptions.open(settings).resolve(id, as: captured ? .captured : .notCaptured, note: note, at: Date())
        } catch let error as LedgerError {
            throw CLIError(error.description)
        }
        switch result {
        case .resolved(let entry): try BatchFile.printJSON(SettlementRecordDTO(entry))
        case .notFound: throw CLIError("no settlement \(id) in \(LedgerOptions.directory(settings))")
        case .notInDoubt(let entry):
            throw CLIError(
                entry.resolution == nil
                    ? "settlement \(id) is \(entry.state.rawValue), not in doubt"
                    : "settlement \(id) was already resolved as \(entry.resolution ?? "")")
        }
    }
}
