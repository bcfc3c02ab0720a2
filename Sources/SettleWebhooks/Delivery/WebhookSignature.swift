import Foundation
import SettleCrypto

/// The Standard Webhooks signature: HMAC-SHA256 of `id.timestamp.body` under each secret, as
/// `v1,<base64>`, space-separated when there are several (a secret being rotated).
public enum WebhookSignature {
    /// The `webhook-signature` value for a delivery.
    public static func header(id: String, timestamp: Int64, body: [UInt8], secrets: [WebhookSecret]) -> String {
        let signed = Array("\(id).\(timestamp).".utf8) + body
        return secrets.map { "v1," + Data(Digest.hmacSHA256(signed, key: $0.key)).base64EncodedString() }.joined(separator: " ")
    }
}
