/// The `Idempotency-Key` header as the IETF draft writes it (draft-ietf-httpapi-idempotency-key-header):
/// a Structured Field string, `"8e03…"`, with `\"` and `\\` escapes. A bare token, as clients wrote
/// it before the draft, is the same key: `"order-1"` and `order-1` name one request.
enum IdempotencyKey {
    /// The key's text, or `nil` when the header is malformed: not a string or a token of 1–255
    /// visible ASCII characters (a space allowed inside quotes), or a string with a stray quote,
    /// backslash or parameter after it.
    static func parse(_ header: String) -> String? {
        let bytes = Array(header.utf8)
        guard bytes.first == UInt8(ascii: "\"") else {
            guard (1...255).contains(bytes.count), bytes.allSatisfy({ (0x21...0x7E).contains($0) }) else { return nil }
            return header
        }
        var key: [UInt8] = []
        var index = 1
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") || bytes[index + 1] == UInt8(ascii: "\\") else { return nil }
                key.append(bytes[index + 1])
                index += 2
            case UInt8(ascii: "\""):
                // The closing quote ends the header: nothing may follow it.
                guard index == bytes.count - 1, (1...255).contains(key.count) else { return nil }
                return String(decoding: key, as: UTF8.self)
            case 0x20...0x7E:
                key.append(byte)
                index += 1
            default:
                return nil
            }
        }
        return nil
    }

    /// The key as the ledger keeps it: scoped to the API key that sent it, so one client can
    /// neither replay nor block another's settlement by reusing its key. Without API keys (a
    /// loopback-only service) there is one client and no scope.
    static func scoped(_ key: String, client: String?) -> String {
        client.map { "k:\($0)/" + key } ?? key
    }

    /// The client's own key back from a scoped one, for showing it.
    static func unscoped(_ stored: String) -> String {
        let bytes = Array(stored.utf8)
        guard bytes.count > 19, bytes.starts(with: Array("k:".utf8)), bytes[18] == UInt8(ascii: "/"),
            bytes[2..<18].allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { return stored }
        return String(decoding: bytes[19...], as: UTF8.self)
    }
}
