import SettleCrypto

/// A keyed hash of a card number (HMAC-SHA-256), for finding the same card again without
/// storing its number in a form anyone without the key could test guesses against (the number
/// space is small enough to try every number under a plain hash). Its key is derived from a card
/// data key, whose id goes with it: hashes compare only under the same key.
public struct CardNumberHash: Sendable, Hashable, CustomStringConvertible {
    /// The card data key the hash key was derived from.
    public let keyID: String
    /// 64 hex digits.
    public let hex: String

    public init(keyID: String, hex: String) {
        self.keyID = keyID
        self.hex = hex
    }

    /// The hash of `digits` under `key`.
    public static func of(_ digits: String, key: CardDataKey) -> CardNumberHash {
        // A key of its own for hashing (the data key itself only ever encrypts).
        let hashKey = Digest.hmacSHA256(Array("tsys-settle card number hash v1".utf8), key: key.bytes)
        return CardNumberHash(keyID: key.id, hex: Hex.encode(Digest.hmacSHA256(Array(digits.utf8), key: hashKey)))
    }

    public var description: String { "card number hash (key \(keyID))" }
}
