import ArgumentParser
import SettleAPI
import SettleDTO
import SettleLedger

/// `tsys-settle settlements show ID`: one settlement with its records, as JSON.
struct SettlementsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one settlement and its records (card numbers masked).")

    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The settlement id (stl_...).") var id: String

    func run() throws {
        let entry: LedgerEntry?
        do {
            entry = try ledger.open().entry(id)
        } catch let error as LedgerError {
            throw CLIError(error.description)
        }
        guard let entry else { throw CLIError("no settlement \(id) in \(ledger.directory())") }
        try BatchFile.printJSON(SettlementRecordDTO(entry))
    }
}
