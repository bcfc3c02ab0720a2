import Foundation

/// A webhook signing secret as Standard Webhooks writes it: `whsec_` and the base64 of 24 to 64
/// random bytes. It never prints (its description is redacted).
public struct WebhookSecret: Sendable, Hashable, CustomStringConvertible {
    /// The key bytes HMAC-SHA256 signs with.
    public let key: [UInt8]

    /// Nil unless `text` is `whsec_` and the base64 of 24 to 64 bytes.
    public init?(_ text: String) {
        let prefix = "whsec_"
        guard text.hasPrefix(prefix), let key = Data(base64Encoded: String(text.dropFirst(prefix.count))), (24...64).contains(key.count) else {
            return nil
        }
        self.key = Array(key)
    }

    /// A new random secret, for `tsys-settle webhooks secret`.
    public static func generate() -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        return "whsec_" + Data(bytes).base64EncodedString()
    }

    public var description: String { "whsec_<redacted>" }
}
