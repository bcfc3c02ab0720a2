import SettleModel

extension FieldCoder {
    /// A digit string sent right-justified and zero-filled (merchant, store, terminal numbers…).
    /// The decoder returns all `width` digits.
    mutating func numericText(_ value: inout String, _ width: Int) throws(RecordCodingError) {
        let number = fieldNumber
        var text = value
        if !isDecoding {
            guard text.utf8.count <= width, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                throw RecordCodingError(fieldNumber: number, data: "", reason: "not \(width) digits")
            }
            if text.utf8.count < width { text = String(repeating: "0", count: width - text.utf8.count) + text }
        }
        try self.text(&text, width)
        guard isDecoding else { return }
        guard text.utf8.count == width, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw RecordCodingError(fieldNumber: number, data: text, reason: "not numeric")
        }
        value = text
    }

    /// Codes digits left-justified and zero-filled (extra-charge codes): `34` → `340000`.
    mutating func leftDigits(_ value: inout String, _ width: Int) throws(RecordCodingError) {
        try text(&value, width, pad: 0x30)
    }
}
