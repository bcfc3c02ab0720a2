import SettleCrypto

/// A data key for card numbers at rest: 32 random bytes (AES-256). Its id, the first 8 hex
/// digits of the key's SHA-256, goes on each sealed value, so a keyring with older keys opens
/// what they sealed. It never prints.
public struct CardDataKey: Sendable, Hashable, CustomStringConvertible {
    let bytes: [UInt8]
    public let id: String

    /// `hex`: 64 hex digits (surrounding white space ignored).
    public init(hex: String) throws(VaultError) {
        let digits = String(decoding: hex.utf8.filter { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 }, as: UTF8.self)
        guard digits.utf8.count == 64, let bytes = Hex.decode(digits) else {
            throw VaultError(.malformedKey, "a card data key is 64 hex digits (openssl rand -hex 32)")
        }
        try self.init(bytes: bytes)
    }

    public init(bytes: [UInt8]) throws(VaultError) {
        guard bytes.count == 32 else { throw VaultError(.malformedKey, "a card data key is 32 bytes") }
        guard Set(bytes).count > 1 else { throw VaultError(.malformedKey, "a card data key of one repeated byte is no key") }
        self.bytes = bytes
        id = Hex.encode(Digest.sha256(bytes).prefix(4))
    }

    /// A new random key (`tsys-settle keys new`).
    public static func generate() throws(VaultError) -> CardDataKey {
        guard let bytes = SecureRandom.bytes(32) else { throw VaultError(.cipherFailed, "OpenSSL could not make random bytes") }
        return try CardDataKey(bytes: bytes)
    }

    /// The key as 64 hex digits, for writing it to a secret store; never logged.
    public var hex: String { Hex.encode(bytes) }

    public var description: String { "card data key \(id) <redacted>" }

}
