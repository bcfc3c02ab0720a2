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
            switch try LedgerOptions.open(settings).redeliverWebhook(id, at: Date()) {
            case .redelivered(let delivery): try BatchFile.printJSON(WebhookDeliveryDTO(delivery))
            case .notFound: throw CLIError("no webhook delivery \(id)")
            case .tryUnderWay: throw CLIError("a try of webhook delivery \(id) is under way; ask again once it is recorded")
            }
        } catch let error as LedgerError {
            throw CLIError(error.description)
        }
    }
}
