import COpenSSL

/// SHA-256 and HMAC-SHA-256 through OpenSSL: API key hashes, request fingerprints, webhook
/// signatures, card data key ids and the keyed hash of card numbers. One place, so every
/// module hashes the same way.
public enum Digest {
    public static func sha256(_ input: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        _ = SHA256(input, input.count, &digest)
        return digest
    }

    /// HMAC-SHA-256 of `input` under `key` (RFC 2104).
    public static func hmacSHA256(_ input: [UInt8], key: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        _ = HMAC(EVP_sha256(), key, Int32(key.count), input, input.count, &digest, &length)
        return Array(digest.prefix(Int(length)))
    }

    /// Whether `a` and `b` are equal, in time that depends on their length only.
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.count == b.count && CRYPTO_memcmp(a, b, a.count) == 0
    }
}
