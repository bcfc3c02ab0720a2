import ArgumentParser

/// `tsys-settle webhooks`: signing secrets, and the delivery log read and acted on from the
/// command line (the ledger `serve` writes; safe while it runs).
struct WebhooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhooks",
        abstract: "Make a signing secret; list webhook deliveries and ask for one again (the ledger in --data-dir or --ledger-url).",
        subcommands: [WebhooksSecretCommand.self, WebhooksListCommand.self, WebhooksRedeliverCommand.self])
}
