import SettleCrypto
import SettleModel

/// The API keys that may call the settlement routes, held only as SHA-256 hashes (hex), so the
/// configuration never contains a usable key. Presented keys are compared in constant time.
///
/// A key may be scoped to merchant profiles (`HASH@shop-1+shop-2`): it sees and acts on those
/// merchants' routes only, and every other merchant is, to it, not found.
public struct APIKeys: Sendable, Hashable {
    private struct Entry: Sendable, Hashable {
        var hash: [UInt8]
        var merchants: Set<String>?
    }

    private let entries: [Entry]

    /// Each entry is the lowercase or uppercase hex SHA-256 of a key (`printf %s "$KEY" | sha256sum`),
    /// optionally followed by `@` and the merchant profile ids it is scoped to, joined by `+`.
    /// Returns `nil` if any entry is not of that form, or two entries are the same key.
    public init?(hexHashes: [String]) {
        var parsed: [Entry] = []
        for text in hexHashes {
            let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts[0].utf8.count == 64, let bytes = Hex.decode(parts[0]) else { return nil }
            var merchants: Set<String>?
            if parts.count == 2 {
                let ids = parts[1].split(separator: "+", omittingEmptySubsequences: false).map(String.init)
                guard !ids.isEmpty, ids.allSatisfy(MerchantProfile.isValidID) else { return nil }
                merchants = Set(ids)
            }
            // One key twice (scoped and not, say) would leave its scope to the order of entries.
            guard !parsed.contains(where: { $0.hash == bytes }) else { return nil }
            parsed.append(Entry(hash: bytes, merchants: merchants))
        }
        entries = parsed
    }

    /// No keys configured: the API is open (and the server stays on loopback).
    public var isEmpty: Bool { entries.isEmpty }

    /// The caller an `Authorization` header value (`Bearer <key>`) names, or nil when it carries
    /// no configured key. With no keys configured, every request is the open caller.
    public func caller(_ authorization: String?) -> APICaller? {
        guard !isEmpty else { return .open }
        guard let authorization, authorization.count > 7, authorization.prefix(7).lowercased() == "bearer " else { return nil }
        let digest = Digest.sha256(Array(authorization.utf8.dropFirst(7)))
        // Every configured hash is compared in full, so timing reveals neither which nor how much matched.
        var matched: Entry?
        for entry in entries where Digest.constantTimeEqual(entry.hash, digest) { matched = entry }
        return matched.map { APICaller(client: Hex.encode($0.hash.prefix(8)), merchants: $0.merchants) }
    }

    /// Which configured key the request carries, as the first 8 bytes of its hash in hex (the
    /// key itself is never kept): what scopes a client's idempotency keys. `nil` when none matches.
    public func client(_ authorization: String?) -> String? {
        isEmpty ? nil : caller(authorization)?.client
    }

    /// Whether an `Authorization` header value carries a configured key (`Bearer <key>`).
    public func authorizes(_ authorization: String?) -> Bool { !isEmpty && caller(authorization) != nil }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// Who is calling: which key, and the merchants it is scoped to.
public struct APICaller: Sendable, Hashable {
    /// The first 8 bytes of the key's hash in hex; empty for the open caller (no keys configured).
    public var client: String
    /// The merchant profiles the key may see; nil: every merchant and every route.
    public var merchants: Set<String>?

    /// The caller when no keys are configured.
    public static let open = APICaller(client: "", merchants: nil)

    /// Whether the caller may see merchant `id` (others are answered 404, as if absent).
    public func sees(merchant id: some StringProtocol) -> Bool { merchants?.contains(String(id)) ?? true }
}
