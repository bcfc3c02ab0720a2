import Foundation
import SettleCrypto
import SettleLedger

/// Where events are delivered: a URL checked by ``WebhookAddressPolicy``, the secrets that sign
/// each delivery (more than one while a secret is being rotated: every one signs, so a receiver
/// holding either verifies), and which event types it wants (all when empty).
public struct WebhookEndpoint: Sendable, Hashable {
    public let url: URL
    public let secrets: [WebhookSecret]
    public let types: Set<LedgerEventType>
    /// `whe_` and 16 hex digits of the URL's SHA-256: the same URL is the same endpoint on every
    /// replica and across restarts, so its place in the events is kept.
    public let id: String

    public init(url: URL, secrets: [WebhookSecret], types: Set<LedgerEventType> = []) {
        self.url = url
        self.secrets = secrets
        self.types = types
        id = "whe_" + Hex.encode(Digest.sha256(Array(url.absoluteString.utf8))).prefix(16)
    }

    /// The endpoint for logs: scheme, host and port, and its id; never the path or query, which
    /// often carry a receiver's token.
    public var name: String {
        let port = url.port.map { ":\($0)" } ?? ""
        return "\(url.scheme ?? "https")://\(url.host ?? "")\(port) (\(id))"
    }

    /// Whether the endpoint wants events of `type`.
    public func wants(_ type: LedgerEventType) -> Bool { types.isEmpty || types.contains(type) }
}
