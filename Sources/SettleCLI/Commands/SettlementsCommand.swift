import ArgumentParser

/// `tsys-settle settlements`: the settlement ledger, read and resolved from the command line
/// (the same file `serve` writes; safe while it runs).
struct SettlementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settlements",
        abstract: "List, show and resolve recorded settlements (the ledger in --data-dir).",
        subcommands: [SettlementsListCommand.self, SettlementsShowCommand.self, SettlementsResolveCommand.self])
}
