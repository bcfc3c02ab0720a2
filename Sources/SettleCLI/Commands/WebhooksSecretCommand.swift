import ArgumentParser
import SettleWebhooks

/// `tsys-settle webhooks secret`: a new signing secret (whsec_ and 32 random bytes, base64), to
/// give the service (TSYS_SETTLE_WEBHOOK_SECRET) and the receiver.
struct WebhooksSecretCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secret", abstract: "Print a new webhook signing secret (whsec_...) for TSYS_SETTLE_WEBHOOK_SECRET and the receiver.")

    func run() throws {
        print(WebhookSecret.generate())
    }
}
