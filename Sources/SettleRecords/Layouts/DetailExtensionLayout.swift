import SettleModel

/// Detail group 41, the detail extension (EIS 1081 §4.137): a 4-digit length, then for each
/// value its tag (3 characters), its size (2 digits) and the value itself.
enum DetailExtensionLayout {
    /// Bytes of the group before its tagged values (the length field).
    static let lengthFieldWidth = 4

    static func code<C: FieldCoder>(_ x: inout DetailExtension, profile: WireProfile, _ c: inout C) throws(RecordCodingError) {
        let lengthField = c.fieldNumber
        // Whether the length counts its own digits is uncertain (§4.138): the profile says.
        let ownDigits = profile.detailExtensionLengthCountsItself ? lengthFieldWidth : 0
        var number = x.valuesLength + ownDigits
        try c.number(&number, lengthFieldWidth)
        let length = number - ownDigits
        guard c.isDecoding else {
            for entry in x.entries {
                var tag = entry.tag.wireTag, size = entry.value.utf8.count, value = entry.value
                try c.text(&tag, 3)
                try c.number(&size, 2)
                try c.text(&value, size)
            }
            return
        }
        guard length >= 5 else {
            throw RecordCodingError(fieldNumber: lengthField, data: String(number), reason: "detail extension (group 41) holds no tag")
        }
        var read = 0
        while read < length {
            guard length - read >= 5 else {
                throw RecordCodingError(fieldNumber: lengthField, data: String(length), reason: "group length ends inside a tag")
            }
            let number = c.fieldNumber
            var wireTag = "", size = 0
            try c.text(&wireTag, 3)
            guard let tag = DetailExtensionTag(wireTag: wireTag) else {
                throw RecordCodingError(fieldNumber: number, data: wireTag, reason: "unknown detail extension tag")
            }
            try c.number(&size, 2)
            guard size >= 1, size <= tag.maximumSize, read + 5 + size <= length else {
                throw RecordCodingError(
                    fieldNumber: number + 1, data: String(size), reason: "size of \(tag.rawValue) must be 1-\(tag.maximumSize) within the group")
            }
            guard x[tag] == nil else { throw RecordCodingError(fieldNumber: number, data: wireTag, reason: "tag \(tag.rawValue) appears twice") }
            // Trailing spaces are part of an A/N value here: read the exact bytes.
            var value = ""
            let valueField = c.fieldNumber
            try c.text(&value, size, pad: 0)
            let bytes = value.utf8
            guard bytes.count == size, bytes.allSatisfy({ tag.isNumeric ? (48...57).contains($0) : (32...126).contains($0) }) else {
                throw RecordCodingError(
                    fieldNumber: valueField, data: tag.rawValue,
                    reason: "\(tag.rawValue) must be \(size) \(tag.isNumeric ? "digits" : "printable characters")")
            }
            x[tag] = value
            read += 5 + size
        }
    }
}
