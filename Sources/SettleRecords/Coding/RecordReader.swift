import SettleModel

/// Reads fields from one record's 7-bit bytes.
struct RecordReader: FieldCoder {
    let bytes: ArraySlice<UInt8>
    var position: Int
    var fieldNumber = 1
    let referenceDate: LocalDate
    var isDecoding: Bool { true }

    init(_ bytes: ArraySlice<UInt8>, referenceDate: LocalDate) {
        self.bytes = bytes
        self.position = bytes.startIndex
        self.referenceDate = referenceDate
    }

    /// Bytes not yet read.
    var remaining: Int { bytes.endIndex - position }

    mutating func take(_ width: Int) throws(RecordCodingError) -> ArraySlice<UInt8> {
        guard remaining >= width else {
            throw RecordCodingError(fieldNumber: fieldNumber, data: "", reason: "record ends before this field")
        }
        defer { position += width }
        return bytes[position..<position + width]
    }

    mutating func text(_ value: inout String, _ width: Int, pad: UInt8) throws(RecordCodingError) {
        var field = try take(width)
        while field.last == pad { field = field.dropLast() }
        value = String(decoding: field, as: UTF8.self)
        fieldNumber += 1
    }

    mutating func digits(_ value: inout Int64, _ width: Int) throws(RecordCodingError) {
        let field = try take(width)
        var result: Int64 = 0
        for byte in field {
            guard byte >= 0x30 && byte <= 0x39 else {
                throw RecordCodingError(fieldNumber: fieldNumber, data: String(decoding: field, as: UTF8.self), reason: "not numeric")
            }
            result = result * 10 + Int64(byte - 0x30)
        }
        value = result
        fieldNumber += 1
    }
}
