import COpenSSL

/// A data key for card numbers at rest: 32 random bytes (AES-256). Its id, the first 8 hex
/// digits of the key's SHA-256, goes on each sealed value, so a keyring with older keys opens
/// what they sealed. It never prints.
public struct CardDataKey: Sendable, Hashable, CustomStringConvertible {
    let bytes: [UInt8]
    public let id: String

    /// `hex`: 64 hex digits (surrounding white space ignored).
    public init(hex: String) throws(VaultError) {
        let digits = Array(hex.utf8.filter { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 })
        guard digits.count == 64 else { throw VaultError(.malformedKey, "a card data key is 64 hex digits (openssl rand -hex 32)") }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: 64, by: 2) {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else {
                throw VaultError(.malformedKey, "a card data key is 64 hex digits (openssl rand -hex 32)")
            }
            bytes.append(high << 4 | low)
        }
        try self.init(bytes: bytes)
    }

    public init(bytes: [UInt8]) throws(VaultError) {
        guard bytes.count == 32 else { throw VaultError(.malformedKey, "a card data key is 32 bytes") }
        guard Set(bytes).count > 1 else { throw VaultError(.malformedKey, "a card data key of one repeated byte is no key") }
        self.bytes = bytes
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        _ = SHA256(bytes, bytes.count, &digest)
        id = digest.prefix(4).map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    /// A new random key (`tsys-settle keys new`).
    public static func generate() throws(VaultError) -> CardDataKey {
        var bytes = [UInt8](repeating: 0, count: 32)
        guard RAND_bytes(&bytes, 32) == 1 else { throw VaultError(.cipherFailed, "OpenSSL could not make random bytes") }
        return try CardDataKey(bytes: bytes)
    }

    /// The key as 64 hex digits, for writing it to a secret store; never logged.
    public var hex: String { bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() }

    public var description: String { "card data key \(id) <redacted>" }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte - 48
        case 65...70: byte - 55
        case 97...102: byte - 87
        default: nil
        }
    }
}
