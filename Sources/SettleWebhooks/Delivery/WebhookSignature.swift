import COpenSSL
import Foundation

/// The Standard Webhooks signature: HMAC-SHA256 of `id.timestamp.body` under each secret, as
/// `v1,<base64>`, space-separated when there are several (a secret being rotated).
public enum WebhookSignature {
    /// The `webhook-signature` value for a delivery.
    public static func header(id: String, timestamp: Int64, body: [UInt8], secrets: [WebhookSecret]) -> String {
        let signed = Array("\(id).\(timestamp).".utf8) + body
        return secrets.map { "v1," + Data(hmacSHA256(signed, key: $0.key)).base64EncodedString() }.joined(separator: " ")
    }

    static func hmacSHA256(_ input: [UInt8], key: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        _ = HMAC(EVP_sha256(), key, Int32(key.count), input, input.count, &digest, &length)
        return Array(digest.prefix(Int(length)))
    }

    static func sha256Hex(_ input: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        _ = SHA256(input, input.count, &digest)
        return digest.map { String(format: "%02x", $0) }.joined()
    }
}
