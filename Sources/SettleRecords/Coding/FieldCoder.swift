import SettleModel

/// One description of a record layout serves both directions: the encoder writes each field
/// from the value, the decoder reads each field into it. Layouts are therefore written once,
/// and encoding and decoding cannot drift apart.
///
/// Conformers implement the two primitive field kinds; everything else is built on them.
/// Every primitive call is one field, so ``fieldNumber`` follows the spec's field numbering.
protocol FieldCoder {
    /// `true` when reading records, `false` when writing them.
    var isDecoding: Bool { get }
    /// The batch transmission date: the decoder infers the year of `MMDD` dates from it.
    var referenceDate: LocalDate { get }
    /// The ordinal of the next field within the record (EIS 1081 "data field number").
    var fieldNumber: Int { get set }

    /// A left-justified field filled with `pad` (a space for A/N fields). Decoding drops trailing pad bytes.
    mutating func text(_ value: inout String, _ width: Int, pad: UInt8) throws(RecordCodingError)
    /// An N field: right-justified, zero-filled, non-negative.
    mutating func digits(_ value: inout Int64, _ width: Int) throws(RecordCodingError)
}
extension FieldCoder {
    /// An A/N field: left-justified, space-filled. Decoding drops trailing spaces.
    mutating func text(_ value: inout String, _ width: Int) throws(RecordCodingError) {
        try text(&value, width, pad: 0x20)
    }

    mutating func amount(_ value: inout Amount, _ width: Int = 12) throws(RecordCodingError) {
        var units = value.minorUnits
        try digits(&units, width)
        value = Amount(minorUnits: units)
    }

    mutating func number(_ value: inout Int, _ width: Int) throws(RecordCodingError) {
        var wide = Int64(value)
        try digits(&wide, width)
        value = Int(wide)
    }

    /// A field whose content is fixed (a literal such as `VISA`); the decoder checks it.
    mutating func literal(_ expected: String) throws(RecordCodingError) {
        var value = expected
        let number = fieldNumber
        try text(&value, expected.utf8.count)
        // The reader drops trailing spaces, so a literal space reads back empty.
        var comparable = expected
        while isDecoding && comparable.hasSuffix(" ") { comparable.removeLast() }
        if value != comparable {
            throw RecordCodingError(fieldNumber: number, data: value, reason: "expected '\(expected)'")
        }
    }

    /// A one-character flag sent as `1`/`0` (or the given characters).
    mutating func flag(_ value: inout Bool, on: String = "1", off: String = "0") throws(RecordCodingError) {
        var text = value ? on : off
        let number = fieldNumber
        try self.text(&text, 1)
        if isDecoding {
            if text == on {
                value = true
            } else if text == off || text.isEmpty {
                value = false
            } else {
                throw RecordCodingError(fieldNumber: number, data: text, reason: "expected '\(on)' or '\(off)'")
            }
        }
    }

    mutating func date(_ value: inout LocalDate, _ format: WireDateFormat) throws(RecordCodingError) {
        let year2 = Int64(value.year % 100), month = Int64(value.month), day = Int64(value.day)
        var packed: Int64
        switch format {
        case .monthDay: packed = month * 100 + day
        case .monthDayYear: packed = (month * 100 + day) * 100 + year2
        case .yearMonthDay: packed = (year2 * 100 + month) * 100 + day
        case .centuryYearMonthDay: packed = (Int64(value.year) * 100 + month) * 100 + day
        }
        let number = fieldNumber
        try digits(&packed, format.width)
        guard isDecoding else { return }
        let decoded: LocalDate
        switch format {
        case .monthDay: decoded = inferYear(month: Int(packed / 100), day: Int(packed % 100))
        case .monthDayYear: decoded = LocalDate(year: 2000 + Int(packed % 100), month: Int(packed / 10_000), day: Int(packed / 100 % 100))
        case .yearMonthDay: decoded = LocalDate(year: 2000 + Int(packed / 10_000), month: Int(packed / 100 % 100), day: Int(packed % 100))
        case .centuryYearMonthDay: decoded = LocalDate(year: Int(packed / 10_000), month: Int(packed / 100 % 100), day: Int(packed % 100))
        }
        guard decoded.isValid else { throw RecordCodingError(fieldNumber: number, data: String(packed), reason: "not a valid date") }
        value = decoded
    }

    /// A date that is all zeros when absent.
    mutating func optionalDate(_ value: inout LocalDate?, _ format: WireDateFormat) throws(RecordCodingError) {
        if !isDecoding && value == nil {
            var zero: Int64 = 0
            return try digits(&zero, format.width)
        }
        var probe = value ?? LocalDate.placeholder
        let start = fieldNumber
        do {
            try date(&probe, format)
            value = probe
        } catch  where error.data.allSatisfy({ $0 == "0" }) {
            fieldNumber = start + 1
            value = nil
        }
    }

    mutating func time(_ value: inout TimeOfDay) throws(RecordCodingError) {
        var packed = Int64(value.hour * 10_000 + value.minute * 100 + value.second)
        let number = fieldNumber
        try digits(&packed, 6)
        guard isDecoding else { return }
        value = TimeOfDay(hour: Int(packed / 10_000), minute: Int(packed / 100 % 100), second: Int(packed % 100))
        if !value.isValid { throw RecordCodingError(fieldNumber: number, data: String(packed), reason: "not a valid time") }
    }

    /// The MMDD date closest before (or one day after) the transmission date, as validation requires.
    private func inferYear(month: Int, day: Int) -> LocalDate {
        var candidate = LocalDate(year: referenceDate.year, month: month, day: day)
        if !candidate.isValid || candidate.daysSinceEpoch > referenceDate.daysSinceEpoch + 1 {
            candidate.year -= 1
        }
        return candidate
    }
}
