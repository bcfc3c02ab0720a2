import ArgumentParser
import SettleSettings
import SettleWebhooks

/// `tsys-settle webhooks secret`: a new signing secret (whsec_ and 32 random bytes, base64), to
/// give the service (its webhook secret setting) and the receiver.
struct WebhooksSecretCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secret", abstract: "Print a new webhook signing secret (whsec_...) for \(Setting.webhookSecret) and the receiver.")

    func run() throws {
        print(WebhookSecret.generate())
    }
}
