import ArgumentParser
import SettleAPI
import SettleDTO
import SettleLedger

/// `tsys-settle settlements show ID`: one settlement with its records, as JSON.
struct SettlementsShowCommand: ConfiguredCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one settlement and its records (card numbers masked).")

    @OptionGroup var configFile: ConfigFileOption
    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The settlement id (stl_...).") var id: String

    static let settingsName = "settlements"
    var givenFlags: GivenFlags { configFile.flags.merging(ledger.flags) }

    func run() throws {
        let settings = try settings()
        let entry: LedgerEntry?
        do {
            entry = try LedgerOptions.open(settings).entry(id)
        } catch let error as LedgerError {
            throw CLIError(error.description)
        }
        guard let entry else { throw CLIError("no settlement \(id) in \(LedgerOptions.directory(settings))") }
        try BatchFile.printJSON(SettlementRecordDTO(entry))
    }
}
