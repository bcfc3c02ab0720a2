import COpenSSL

/// The API keys that may call the settlement routes, held only as SHA-256 hashes (hex), so the
/// configuration never contains a usable key. Presented keys are compared in constant time.
public struct APIKeys: Sendable, Hashable {
    private let hashes: [[UInt8]]

    /// `hexHashes`: lowercase or uppercase hex SHA-256 of each key (`printf %s "$KEY" | sha256sum`).
    /// Returns `nil` if any entry is not 64 hex digits.
    public init?(hexHashes: [String]) {
        var parsed: [[UInt8]] = []
        for text in hexHashes {
            let digits = Array(text.utf8)
            guard digits.count == 64 else { return nil }
            var bytes: [UInt8] = []
            for index in stride(from: 0, to: 64, by: 2) {
                guard let high = Self.hex(digits[index]), let low = Self.hex(digits[index + 1]) else { return nil }
                bytes.append(high << 4 | low)
            }
            parsed.append(bytes)
        }
        hashes = parsed
    }

    /// No keys configured: the API is open (and the server stays on loopback).
    public var isEmpty: Bool { hashes.isEmpty }

    /// Whether an `Authorization` header value carries a configured key (`Bearer <key>`).
    /// Which configured key the request carries, as the first 8 bytes of its hash in hex (the
    /// key itself is never kept): what scopes a client's idempotency keys. `nil` when none matches.
    public func client(_ authorization: String?) -> String? {
        guard let authorization, authorization.count > 7, authorization.prefix(7).lowercased() == "bearer " else { return nil }
        let digest = SHA256Digest.bytes(Array(authorization.utf8.dropFirst(7)))
        var matched: [UInt8]?
        for hash in hashes where CRYPTO_memcmp(hash, digest, 32) == 0 { matched = hash }
        return matched.map { SHA256Digest.hex(Array($0.prefix(8))) }
    }

    public func authorizes(_ authorization: String?) -> Bool {
        guard let authorization, authorization.count > 7, authorization.prefix(7).lowercased() == "bearer " else { return false }
        let digest = SHA256Digest.bytes(Array(authorization.utf8.dropFirst(7)))
        // Every configured hash is compared in full, so timing reveals neither which nor how much matched.
        var matched = false
        for hash in hashes where CRYPTO_memcmp(hash, digest, 32) == 0 { matched = true }
        return matched
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
