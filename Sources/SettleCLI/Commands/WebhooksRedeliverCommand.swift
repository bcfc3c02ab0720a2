import ArgumentParser
import Foundation
import SettleAPI
import SettleDTO
import SettleLedger

/// `tsys-settle webhooks redeliver ID`: the delivery pending again and due now; a running
/// `serve` (any replica) tries it within a second.
struct WebhooksRedeliverCommand: ConfiguredCommand {
    static let configuration = CommandConfiguration(
        commandName: "redeliver", abstract: "Deliver a webhook again (pending, due now): a running serve tries it within a second.")

    @OptionGroup var configFile: ConfigFileOption
    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The delivery id (whd_...).") var id: String

    static let settingsName = "settlements"
    var givenFlags: GivenFlags { configFile.flags.merging(ledger.flags) }

    func run() throws {
        let settings = try settings()
        do {
            guard let delivery = try LedgerOptions.open(settings).redeliverWebhook(id, at: Date()) else {
                throw CLIError("no webhook delivery \(id)")
            }
            try BatchFile.printJSON(WebhookDeliveryDTO(delivery))
        } catch let error as LedgerError {
            throw CLIError(error.description)
        }
    }
}
