import ArgumentParser

/// `tsys-settle ledger`: the settlement ledger's schema and its move to PostgreSQL.
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Migrate the ledger's schema, or copy a single-node SQLite ledger to PostgreSQL.",
        subcommands: [LedgerMigrateCommand.self, LedgerCopyCommand.self])
}
