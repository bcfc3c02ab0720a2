import SettleFraming
import SettleModel

/// Finds record boundaries inside a block. Records carry no separator: each length follows
/// from its record type and group map (EIS 1081 §4.47).
public enum RecordSplitter {
    /// The records of one block payload, each with its full `K?.` prefix restored.
    public static func records(in payload: [UInt8], profile: WireProfile = .standard) throws(RecordCodingError) -> [[UInt8]] {
        guard payload.count >= 9, payload[0] == UInt8(ascii: "K"), payload[2] == UInt8(ascii: ".") else {
            throw RecordCodingError(
                fieldNumber: 1, data: String(decoding: payload.prefix(9), as: UTF8.self), reason: "block does not start with a record prefix")
        }
        let prefix = Array(payload[0..<3])
        var records: [[UInt8]] = []
        var offset = 0
        while offset < payload.count {
            var record: [UInt8]
            if offset == 0 {
                record = Array(payload[0...])
            } else {
                // Records after the first start at the routing id 'Z'.
                record = prefix + payload[offset...]
            }
            let length = try recordLength(record[...], profile: profile)
            guard length <= record.count else {
                throw RecordCodingError(fieldNumber: 0, data: "", reason: "record needs \(length) bytes, block has \(record.count)")
            }
            records.append(Array(record[0..<length]))
            offset += offset == 0 ? length : length - BlockingPolicy.continuationPrefixLength
        }
        return records
    }

    /// The length of the record at the start of `record` (full prefix present).
    static func recordLength(_ record: ArraySlice<UInt8>, profile: WireProfile) throws(RecordCodingError) -> Int {
        let start = record.startIndex
        guard record.count >= 9, record[start + 3] == UInt8(ascii: "Z"), let type = RecordType(byte: record[start + 4]) else {
            throw RecordCodingError(fieldNumber: 5, data: String(decoding: record.prefix(9), as: UTF8.self), reason: "unknown record type")
        }
        guard let groups = GroupMapCoding.groups(fromMap: record[(start + 5)..<(start + 9)], base: 0) else {
            throw RecordCodingError(fieldNumber: 5, data: String(decoding: record[(start + 4)..<(start + 9)], as: UTF8.self), reason: "bad group map")
        }
        switch type {
        case .header: return try sum(HeaderLayout.baseLength, groups, HeaderLayout.groupLengths, "header")
        case .parameter: return ParameterLayout.length
        case .trailer: return TrailerLayout.length
        case .chipAddendum: return try sum(ChipAddendumLayout.baseLength, groups, ChipAddendumLayout.groupLengths, "chip addendum")
        case .response: return record.count
        case .canadianTax: return CanadianTaxLayout.length
        case .transactionAdvice:
            guard record.count >= 12, let length = TransactionAdviceLayout.length(typeCode: record[(start + 9)..<(start + 12)]) else {
                throw RecordCodingError(
                    fieldNumber: 6, data: String(decoding: record.dropFirst(9).prefix(3), as: UTF8.self),
                    reason: "line item type must be TAD, RET, LOD or CPS (Table 4.35)")
            }
            return length
        case .lineItem:
            guard record.count >= 13 else { throw RecordCodingError(fieldNumber: 6, data: "", reason: "line item too short") }
            // A Canadian tax record sent as L has its tax amount indicator where a line item has its card type.
            if record[start + 9] == UInt8(ascii: "Y") || record[start + 9] == UInt8(ascii: "N") { return CanadianTaxLayout.length }
            let brand = String(decoding: record[(start + 9)..<(start + 13)], as: UTF8.self)
            switch brand {
            case "VISA": return LineItemLayout.visaLength
            case "MCRD": return LineItemLayout.masterCardLength(profile)
            default: throw RecordCodingError(fieldNumber: 6, data: brand, reason: "unknown line item card type")
            }
        case .detail:
            var all = groups
            if groups.contains(group: 23) {
                let before = DetailGroupLayouts.lengths.total(0, GroupSet(rawValue: groups.rawValue & ((1 << 22) - 1))).length  // groups 1-22
                let at = start + DetailLayout.baseLength + before
                guard record.count >= at - start + 4, let extended = GroupMapCoding.groups(fromMap: record[at..<(at + 4)], base: 24) else {
                    throw RecordCodingError(fieldNumber: 0, data: "", reason: "bad group map extension")
                }
                all.rawValue |= extended.rawValue
            }
            let fixed = try sum(DetailLayout.baseLength, all, DetailGroupLayouts.lengths, "detail")
            guard all.contains(group: 41) else { return fixed }
            // Group 41 says its own length: it follows the base fields and every group below it.
            let at = start + DetailGroupLayouts.lengths.total(DetailLayout.baseLength, GroupSet(rawValue: all.rawValue & ((1 << 40) - 1))).length
            let width = DetailExtensionLayout.lengthFieldWidth
            guard record.count >= at - start + width,
                let text = String(validating: record[at..<(at + width)], as: UTF8.self), let number = Int(text),
                text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 })
            else {
                throw RecordCodingError(fieldNumber: 0, data: "", reason: "bad detail extension (group 41) length")
            }
            let extra = number - (profile.detailExtensionLengthCountsItself ? width : 0)
            guard extra >= 0 else {
                throw RecordCodingError(fieldNumber: 0, data: text, reason: "detail extension (group 41) length is shorter than its length field")
            }
            return fixed + extra
        }
    }

    private static func sum(_ base: Int, _ groups: GroupSet, _ lengths: GroupLengths, _ kind: String) throws(RecordCodingError) -> Int {
        let (total, unsupported) = lengths.total(base, groups)
        if let group = unsupported {
            throw RecordCodingError(
                fieldNumber: 5, data: String(group),
                reason: kind == "detail" ? DetailGroupNames.unsupported(group) : "\(kind) group \(group) is not supported")
        }
        return total
    }
}
