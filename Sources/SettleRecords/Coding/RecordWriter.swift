import SettleFraming
import SettleModel

/// Writes fields straight into the batch's output buffer, where the frame writer later
/// applies parity and the LRC block by block: a record is never assembled twice.
///
/// Each record is announced with its planned length; a field that would run past it is an
/// error (code 544), so a layout that disagrees with its planned length cannot corrupt the batch.
struct RecordWriter: FieldCoder {
    var frame: FrameWriter
    var fieldNumber = 1
    let referenceDate: LocalDate
    var isDecoding: Bool { false }
    /// Leading bytes to leave out: the `K1.` prefix of a record that continues a block.
    private var skip = 0
    private var recordEnd = 0

    init(frame: FrameWriter, referenceDate: LocalDate) {
        self.frame = frame
        self.referenceDate = referenceDate
    }

    /// Starts a record of `length` bytes that continues the open block or starts its own.
    mutating func beginRecord(length: Int, continuesBlock: Bool) {
        fieldNumber = 1
        skip = continuesBlock ? BlockingPolicy.continuationPrefixLength : 0
        recordEnd = frame.position + length - skip
    }

    /// Checks the record came out exactly as long as planned.
    func endRecord() throws(RecordCodingError) {
        guard frame.position == recordEnd, skip == 0 else {
            throw RecordCodingError(fieldNumber: fieldNumber, data: "", reason: "record length differs from its layout")
        }
    }

    /// Claims `width` bytes for a field; `false` when the field lies in the skipped prefix.
    @inline(__always)
    private mutating func claim(_ width: Int) throws(RecordCodingError) -> Bool {
        if skip > 0 {
            guard width <= skip else { throw RecordCodingError(fieldNumber: fieldNumber, data: "", reason: "field straddles the block prefix") }
            skip -= width
            fieldNumber += 1
            return false
        }
        guard frame.position + width <= recordEnd, width <= frame.remaining else {
            throw RecordCodingError(fieldNumber: fieldNumber, data: "", reason: "field runs past the record's planned length")
        }
        return true
    }

    mutating func text(_ value: inout String, _ width: Int, pad: UInt8) throws(RecordCodingError) {
        guard try claim(width) else { return }
        let written =
            value.utf8.withContiguousStorageIfAvailable { write($0, width, pad) }
            ?? Array(value.utf8).withUnsafeBufferPointer { write($0, width, pad) }
        guard written >= 0 else {
            throw RecordCodingError(
                fieldNumber: fieldNumber, data: "",
                reason: written == -1 ? "\(value.utf8.count) characters do not fit in \(width)" : "not printable ASCII")
        }
        fieldNumber += 1
    }

    /// Writes printable bytes and pads; -1 when too long, -2 when not printable. DEL (0x7F) is
    /// written too: it is a group map byte naming all six of its groups (`0x40 | 0x3F`, §4.230.1),
    /// which a header with groups 1-6 sends; validation keeps it out of every text field.
    @inline(__always)
    private mutating func write(_ bytes: UnsafeBufferPointer<UInt8>, _ width: Int, _ pad: UInt8) -> Int {
        guard bytes.count <= width else { return -1 }
        for byte in bytes {
            guard byte >= 0x20 && byte <= 0x7F else { return -2 }
            frame.write(byte)
        }
        for _ in bytes.count..<width { frame.write(pad) }
        return width
    }

    mutating func digits(_ value: inout Int64, _ width: Int) throws(RecordCodingError) {
        guard value >= 0 else { throw RecordCodingError(fieldNumber: fieldNumber, data: String(value), reason: "negative") }
        // Digits right to left into a 24-byte scratch area (division by the constant 10 is a
        // multiply, unlike division by a running power of ten).
        var scratch: (UInt64, UInt64, UInt64) = (0x3030_3030_3030_3030, 0x3030_3030_3030_3030, 0x3030_3030_3030_3030)
        let fits = withUnsafeMutableBytes(of: &scratch) { bytes -> Bool in
            var rest = value, index = 23
            while rest > 0 {
                guard index >= 24 - width else { return false }
                bytes[index] = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
                index -= 1
            }
            return true
        }
        guard fits, width <= 24 else {
            throw RecordCodingError(fieldNumber: fieldNumber, data: String(value), reason: "does not fit in \(width) digits")
        }
        guard try claim(width) else { return }
        withUnsafeBytes(of: &scratch) { bytes in
            frame.write(UnsafeBufferPointer(rebasing: bytes.bindMemory(to: UInt8.self)[(24 - width)...]))
        }
        fieldNumber += 1
    }
}
