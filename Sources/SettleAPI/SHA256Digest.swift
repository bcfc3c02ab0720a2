import COpenSSL

/// SHA-256 from OpenSSL: API key hashes and settlement fingerprints.
enum SHA256Digest {
    static func bytes(_ input: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        _ = SHA256(input, input.count, &digest)
        return digest
    }

    /// Lowercase hex, as `sha256sum` prints it.
    static func hex(_ input: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes(input).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }, as: UTF8.self)
    }
}
