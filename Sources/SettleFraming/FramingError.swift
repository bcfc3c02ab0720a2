/// Why bytes from the link could not be read as framed blocks.
public struct FramingError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// No bytes at all.
        case empty
        /// The data does not start with STX.
        case missingStartOfText
        /// A byte does not have even parity.
        case parityError
        /// The LRC byte does not match the block.
        case lrcMismatch(expected: UInt8, received: UInt8)
        /// The data ends before the terminator or the LRC.
        case truncated
        /// A control character appears inside the record data.
        case unexpectedControlCharacter(UInt8)
        /// Bytes follow the block that ended with ETX.
        case trailingData
    }

    public var kind: Kind
    /// Offset of the offending byte in the input.
    public var offset: Int

    public init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    public var description: String {
        switch kind {
        case .empty: "no data received"
        case .missingStartOfText: "expected STX at byte \(offset)"
        case .parityError: "parity error at byte \(offset)"
        case .lrcMismatch(let expected, let received):
            "LRC mismatch at byte \(offset): computed 0x\(String(expected, radix: 16)), received 0x\(String(received, radix: 16))"
        case .truncated: "data ends at byte \(offset) before the block terminator and LRC"
        case .unexpectedControlCharacter(let byte): "control character 0x\(String(byte, radix: 16)) inside record data at byte \(offset)"
        case .trailingData: "data continues after the final block, at byte \(offset)"
        }
    }
}
