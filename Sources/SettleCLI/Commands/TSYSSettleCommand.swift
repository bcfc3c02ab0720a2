import ArgumentParser
import Foundation

/// `tsys-settle`: settle card batches with TSYS.
@main
struct TSYSSettleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tsys-settle",
        abstract: "Settle card batches with TSYS (EIS 1081 terminal-capture settlement).",
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self, EncodeCommand.self, SendCommand.self, SimulateCommand.self, ServeCommand.self, SettlementsCommand.self,
            ReportCommand.self, WebhooksCommand.self, KeysCommand.self, LedgerCommand.self, ConfigCommand.self,
        ]
    )
}
