import SettleModel

/// The 4-byte group map (EIS 1081 §4.230.1): each byte is `0x40 | six group bits`; the
/// rightmost byte holds groups 1–6 with the lowest group in bit 0. The same encoding, for
/// groups 25–48, is the data of group 23 (the extension map).
enum GroupMapCoding {
    /// The four map bytes for groups `base+1 … base+24` of the set.
    static func mapBytes(_ set: GroupSet, base: Int) -> [UInt8] {
        (0..<4).map { position in
            // Byte 1 (position 0) holds the highest six groups.
            let first = base + (3 - position) * 6 + 1
            var bits: UInt8 = 0
            for offset in 0..<6 where set.contains(group: first + offset) { bits |= 1 << UInt8(offset) }
            return 0x40 | bits
        }
    }

    /// The groups a 4-byte map names, offset by `base`; `nil` when a byte is not a map byte.
    static func groups(fromMap bytes: ArraySlice<UInt8>, base: Int) -> GroupSet? {
        guard bytes.count == 4 else { return nil }
        var set = GroupSet()
        for (position, byte) in bytes.enumerated() {
            guard byte & 0xC0 == 0x40 else { return nil }
            let first = base + (3 - position) * 6 + 1
            for offset in 0..<6 where byte & (1 << UInt8(offset)) != 0 { set.insert(group: first + offset) }
        }
        return set
    }

    /// The four map bytes as text (a small string: no allocation), optionally after a record type letter.
    static func mapText(_ set: GroupSet, base: Int, prefix: UInt8? = nil) -> String {
        let groups = set.rawValue >> UInt64(base)
        let offset = prefix == nil ? 0 : 1
        return String(unsafeUninitializedCapacity: 4 + offset) { buffer in
            if let prefix { buffer[0] = prefix }
            // Byte 1 holds the highest six groups, byte 4 the lowest.
            for position in 0..<4 {
                buffer[offset + position] = 0x40 | UInt8(truncatingIfNeeded: (groups >> UInt64((3 - position) * 6)) & 0x3F)
            }
            return 4 + offset
        }
    }

    /// Writes or reads the record type letter and its group map (the 5-byte record type field).
    static func code<C: FieldCoder>(_ type: RecordType, groups: inout GroupSet, _ c: inout C) throws(RecordCodingError) {
        let number = c.fieldNumber
        var text = mapText(groups, base: 0, prefix: type.byte)
        try c.text(&text, 5)
        guard c.isDecoding else { return }
        let bytes = Array(text.utf8)
        // A map of "@@@@" reads back with trailing characters intact ('@' is not a space).
        guard bytes.count == 5, bytes[0] == type.byte, let decoded = Self.groups(fromMap: bytes[1...], base: 0) else {
            throw RecordCodingError(fieldNumber: number, data: text, reason: "expected record type \(type.rawValue) and a group map")
        }
        groups = decoded
    }

    /// Writes or reads group 23's data: the extension map for groups 25–48.
    static func codeExtension<C: FieldCoder>(groups: inout GroupSet, _ c: inout C) throws(RecordCodingError) {
        let number = c.fieldNumber
        var text = mapText(groups, base: 24)
        try c.text(&text, 4)
        guard c.isDecoding else { return }
        guard let extended = self.groups(fromMap: Array(text.utf8)[...], base: 24) else {
            throw RecordCodingError(fieldNumber: number, data: text, reason: "not a group map extension")
        }
        groups.rawValue |= extended.rawValue
    }
}
