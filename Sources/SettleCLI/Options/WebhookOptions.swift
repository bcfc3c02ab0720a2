import ArgumentParser
import Foundation
import Logging
import SettleLedger
import SettleSettings
import SettleWebhooks

/// Where settlement events are delivered, and how: endpoint 1 by flag or variable, endpoints 2-4
/// by the configuration file or the environment. Every endpoint is checked at start (URL,
/// secret, event types, the address its host resolves to), so a bad one stops `serve` before
/// anything is sent.
struct WebhookOptions: ParsableArguments {
    @Option(name: Setting.webhookUrl.name, help: Setting.webhookUrl.argumentHelp) var webhookUrl: String?
    @Option(name: Setting.webhookEvents.name, help: Setting.webhookEvents.argumentHelp) var webhookEvents: [String] = []
    @Flag(name: Setting.webhookAllowPrivateNetworks.name, inversion: .prefixedNo, help: Setting.webhookAllowPrivateNetworks.argumentHelp)
    var webhookAllowPrivateNetworks: Bool?
    @Option(name: Setting.webhookTimeout.name, help: Setting.webhookTimeout.argumentHelp) var webhookTimeout: String?
    @Option(name: Setting.webhookRetryHours.name, help: Setting.webhookRetryHours.argumentHelp) var webhookRetryHours: String?
    @Option(name: Setting.webhookCAFile.name, help: Setting.webhookCAFile.argumentHelp) var webhookCaFile: String?

    var flags: GivenFlags {
        var given = GivenFlags()
        given[.webhookUrl] = webhookUrl
        given.repeated(.webhookEvents, webhookEvents)
        given.switched(.webhookAllowPrivateNetworks, webhookAllowPrivateNetworks)
        given[.webhookTimeout] = webhookTimeout
        given[.webhookRetryHours] = webhookRetryHours
        given[.webhookCAFile] = webhookCaFile
        return given
    }

    /// The address policy in effect.
    static func policy(_ settings: EffectiveSettings) -> WebhookAddressPolicy {
        WebhookAddressPolicy(allowsPrivateNetworks: settings.isOn(.webhookAllowPrivateNetworks))
    }

    /// The configured endpoints, each checked; empty when none is configured.
    static func endpoints(_ settings: EffectiveSettings, logger: Logger) throws -> [WebhookEndpoint] {
        let policy = policy(settings)
        let numbered = [[Setting.webhookUrl, .webhookSecret, .webhookEvents]] + Setting.extraWebhooks
        var endpoints: [WebhookEndpoint] = []
        if let file = settings.text(.webhookCAFile), !FileManager.default.isReadableFile(atPath: file) {
            throw CLIError("\(Setting.webhookCAFile): \(file) cannot be read")
        }
        for group in numbered {
            let (urlSetting, secretSetting, eventsSetting) = (group[0], group[1], group[2])
            guard let text = settings.text(urlSetting) else {
                if settings.text(secretSetting) != nil || !settings.list(eventsSetting).isEmpty {
                    throw CLIError("\(secretSetting) or \(eventsSetting) is set, but \(urlSetting) is not: give the endpoint's URL")
                }
                continue
            }
            let url: URL
            do {
                url = try policy.url(text)
            } catch {
                throw CLIError("\(urlSetting): \(error.message)")
            }
            let secretTexts = settings.text(secretSetting)?.split(separator: " ").map(String.init) ?? []
            guard !secretTexts.isEmpty else {
                throw CLIError("\(urlSetting) is set without \(secretSetting): deliveries are signed, so receivers can tell them from forgeries")
            }
            var secrets: [WebhookSecret] = []
            for (index, text) in secretTexts.enumerated() {
                guard let secret = WebhookSecret(text) else {
                    throw CLIError(
                        "\(secretSetting): secret \(index + 1) is not whsec_ and the base64 of 24-64 bytes (tsys-settle webhooks secret makes one)")
                }
                secrets.append(secret)
            }
            var types = Set<LedgerEventType>()
            for name in settings.list(eventsSetting) {
                guard let type = LedgerEventType(rawValue: name) else {
                    throw CLIError(
                        "\(eventsSetting): \(name) is not an event type; use \(LedgerEventType.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                types.insert(type)
            }
            let endpoint = WebhookEndpoint(url: url, secrets: secrets, types: types)
            guard !endpoints.contains(where: { $0.id == endpoint.id }) else { throw CLIError("\(urlSetting) names an endpoint given twice") }
            // A private or reserved address is refused now; a name that cannot be resolved now is
            // tried at every delivery (and checked again then).
            do {
                _ = try policy.addresses(of: url.host ?? "", port: url.port ?? (url.scheme == "https" ? 443 : 80))
            } catch let error where error.message.contains("cannot be resolved") {
                logger.warning("\(urlSetting): \(error.message); deliveries will be tried, and checked, when it resolves")
            } catch {
                throw CLIError("\(urlSetting): \(error.message)")
            }
            endpoints.append(endpoint)
        }
        return endpoints
    }

    static func sender(_ settings: EffectiveSettings) -> WebhookSender {
        WebhookSender(
            policy: policy(settings), connectTimeout: .seconds(min(10, settings.number(.webhookTimeout) ?? 15)),
            timeout: .seconds(settings.number(.webhookTimeout) ?? 15), caFile: settings.text(.webhookCAFile))
    }

    static func backoff(_ settings: EffectiveSettings) -> WebhookBackoff {
        WebhookBackoff(giveUpAfter: .seconds((settings.number(.webhookRetryHours) ?? 72) * 3600))
    }
}
