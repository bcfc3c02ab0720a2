import ArgumentParser
import Foundation
import SettleAPI
import SettleDTO
import SettleLedger
import SettleSettings

/// `tsys-settle webhooks list`: deliveries, newest first, or one delivery with its tries.
struct WebhooksListCommand: ConfiguredCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List webhook deliveries, newest first.")

    @OptionGroup var configFile: ConfigFileOption
    @OptionGroup var ledger: LedgerOptions
    @Option(help: "Only this state: \(WebhookDeliveryState.allCases.map(\.rawValue).joined(separator: ", ")).") var state: String?
    @Option(help: "Only this settlement's deliveries.") var settlement: String?
    @Option(help: "One delivery (whd_...), with its tries.") var id: String?
    @Option(name: Setting.listLimit.name, help: Setting.listLimit.argumentHelp) var limit: String?
    @Flag(help: "Print JSON (the API's GET /v1/webhook-deliveries document).") var json = false

    static let settingsName = "settlements list"
    var givenFlags: GivenFlags {
        var given = configFile.flags.merging(ledger.flags)
        given[.listLimit] = limit
        return given
    }

    func run() throws {
        let settings = try settings()
        let outbox = try LedgerOptions.open(settings)
        do {
            if let id {
                guard let delivery = try outbox.webhookDelivery(id) else { throw CLIError("no webhook delivery \(id)") }
                return try BatchFile.printJSON(WebhookDeliveryDTO(delivery, tries: try outbox.webhookAttempts(of: id)))
            }
            var query = WebhookDeliveryQuery(settlementID: settlement, limit: settings.number(.listLimit) ?? 50)
            if let state {
                guard let parsed = WebhookDeliveryState(rawValue: state) else {
                    throw CLIError("--state must be one of \(WebhookDeliveryState.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                query.state = parsed
            }
            let deliveries = try outbox.webhookDeliveries(query).map { WebhookDeliveryDTO($0) }
            if json { return try BatchFile.printJSON(WebhookDeliveryListDTO(deliveries: deliveries)) }
            for delivery in deliveries {
                let last = delivery.lastStatus.map { "HTTP \($0)" } ?? delivery.lastError ?? "-"
                print(
                    [
                        delivery.id, delivery.createdAt, delivery.state, "settlement \(delivery.settlementId)", "\(delivery.attempts) tries", last,
                        delivery.nextAttemptAt.map { "next \($0)" } ?? "",
                    ].filter { !$0.isEmpty }.joined(separator: "  "))
            }
        } catch let error as LedgerError {
            throw CLIError(error.description)
        }
    }
}
