import SettleRecords

/// The host's response, framed or bare, is read or refused with a response error: never a
/// crash, and a framed response reads as its bare record does.
enum ResponseTarget {
    static func run(_ bytes: [UInt8]) -> FuzzFailure? {
        let bare = Result { () throws(ResponseError) in try ResponseParser.parse(record: bytes) }
        _ = Result { () throws(ResponseError) in try ResponseParser.parse(wire: bytes) }
        // The same record framed (STX, text with even parity, ETX, LRC) reads the same.
        guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        let framed = Framing.framed(bytes)
        let wire = Result { () throws(ResponseError) in try ResponseParser.parse(wire: framed) }
        switch (bare, wire) {
        case (.success(let a), .success(let b)) where a == b: return nil
        case (.failure, .failure): return nil
        default: return FuzzFailure("a framed response read otherwise than its record", "bare: \(bare)\nframed: \(wire)")
        }
    }
}
