import ArgumentParser
import SettleLedger
import SettleSettings

/// `tsys-settle ledger copy --to postgresql://…`: the SQLite ledger of `--data-dir`, every entry as
/// it is (ids, states, answers, idempotency keys, times), into a PostgreSQL ledger. Entries already
/// there are skipped, so it may be run again; stop `serve` first so nothing changes meanwhile.
struct LedgerCopyCommand: ConfiguredCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy", abstract: "Copy the SQLite ledger in --data-dir to a PostgreSQL ledger (--to postgresql://...).")

    @OptionGroup var configFile: ConfigFileOption
    @OptionGroup var ledger: LedgerOptions
    @Option(help: "The PostgreSQL ledger to copy to (postgresql://user@host/database; the password from PGPASSWORD or ~/.pgpass).")
    var to: String

    static let settingsName = "settlements"
    var givenFlags: GivenFlags { configFile.flags.merging(ledger.flags) }

    func run() throws {
        let settings = try settings()
        guard settings.text(.ledgerUrl) == nil else { throw CLIError("copy reads the SQLite ledger in --data-dir; leave --ledger-url out") }
        guard PostgresLedger.isPostgresURL(to) else { throw CLIError("--to must be a postgresql:// URL, got \(PostgresLedger.redacted(url: to))") }
        do {
            let source = try LedgerOptions.open(settings)
            let target = try PostgresLedger(url: to)
            let entries = try source.allEntries()
            let written = try target.importEntries(entries)
            print("copied \(written) of \(entries.count) settlements from \(source.location) to \(target.location)")
        } catch let error as LedgerError {
            throw CLIError(error.description)
        }
    }
}
