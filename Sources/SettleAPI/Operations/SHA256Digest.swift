import COpenSSL

/// SHA-256 and HMAC-SHA-256 from OpenSSL: API key hashes and settlement fingerprints.
enum SHA256Digest {
    static func bytes(_ input: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        _ = SHA256(input, input.count, &digest)
        return digest
    }

    /// HMAC-SHA-256 of `input` under `key`, as lowercase hex.
    static func hmacHex(_ input: [UInt8], key: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 32
        _ = HMAC(EVP_sha256(), key, Int32(key.count), input, input.count, &digest, &length)
        return hex(digest)
    }

    /// Lowercase hex, as `sha256sum` prints it.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }, as: UTF8.self)
    }

    /// `count` bytes from OpenSSL's CSPRNG.
    static func random(_ count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        guard RAND_bytes(&bytes, Int32(count)) == 1 else { fatalError("OpenSSL's random generator failed") }
        return bytes
    }
}
