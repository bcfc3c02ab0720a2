import SettleModel

/// Writes fields into a reusable buffer of 7-bit bytes.
struct RecordWriter: FieldCoder {
    var bytes: [UInt8] = []
    var fieldNumber = 1
    let referenceDate: LocalDate
    var isDecoding: Bool { false }

    init(referenceDate: LocalDate, capacity: Int = 512) {
        self.referenceDate = referenceDate
        bytes.reserveCapacity(capacity)
    }

    /// Empties the buffer (keeping its storage) for the next record.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        fieldNumber = 1
    }

    mutating func text(_ value: inout String, _ width: Int) throws(RecordCodingError) {
        let start = bytes.count
        for byte in value.utf8 {
            guard byte >= 0x20 && byte < 0x7F else {
                throw RecordCodingError(fieldNumber: fieldNumber, data: "", reason: "not printable ASCII")
            }
            bytes.append(byte)
        }
        let used = bytes.count - start
        guard used <= width else {
            bytes.removeSubrange(start...)
            throw RecordCodingError(fieldNumber: fieldNumber, data: "", reason: "\(used) characters do not fit in \(width)")
        }
        if used < width { bytes.append(contentsOf: repeatElement(0x20, count: width - used)) }
        fieldNumber += 1
    }

    mutating func digits(_ value: inout Int64, _ width: Int) throws(RecordCodingError) {
        var remaining = value
        guard remaining >= 0 else {
            throw RecordCodingError(fieldNumber: fieldNumber, data: String(value), reason: "negative")
        }
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0x30, count: width))
        var index = bytes.count - 1
        while remaining > 0 {
            guard index >= start else {
                bytes.removeSubrange(start...)
                throw RecordCodingError(fieldNumber: fieldNumber, data: String(value), reason: "does not fit in \(width) digits")
            }
            bytes[index] = 0x30 + UInt8(remaining % 10)
            remaining /= 10
            index -= 1
        }
        fieldNumber += 1
    }
}
