import ArgumentParser
import SettleLedger

/// `tsys-settle ledger migrate`: bring the ledger (`--data-dir`, or `--ledger-url`) to this
/// build's schema now, rather than at the next `serve` (replicas migrate one at a time anyway).
struct LedgerMigrateCommand: ConfiguredCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Bring the ledger's schema up to date and say where it is.")

    @OptionGroup var configFile: ConfigFileOption
    @OptionGroup var ledger: LedgerOptions

    static let settingsName = "settlements"
    var givenFlags: GivenFlags { configFile.flags.merging(ledger.flags) }

    func run() throws {
        let ledger = try LedgerOptions.open(try settings())
        print("ledger up to date: \(ledger.location)")
    }
}
