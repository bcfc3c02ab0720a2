import SettleFraming

/// Why framed bytes could not be read back as a batch, located the way the host reports
/// a rejected batch: record sequence number, record type and field number.
public struct BatchDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Framing, parity or LRC.
        case framing(FramingError)
        /// Records out of order (header, parameter, details, trailer).
        case sequence
        /// A field's content.
        case field
    }

    public var kind: Kind
    /// 1-based record sequence number (0 when the failure is not in a record).
    public var sequenceNumber: Int
    /// Record type letter (`H`, `P`, `D`, `L`, `T`), or `?`.
    public var recordType: Character
    public var fieldNumber: Int
    /// The offending data; a card number is masked.
    public var data: String
    public var reason: String

    public init(kind: Kind, sequenceNumber: Int, recordType: Character, fieldNumber: Int, data: String, reason: String) {
        self.kind = kind
        self.sequenceNumber = sequenceNumber
        self.recordType = recordType
        self.fieldNumber = fieldNumber
        self.data = data
        self.reason = reason
    }

    public var description: String {
        "record \(sequenceNumber) (\(recordType)) field \(fieldNumber): \(reason)\(data.isEmpty ? "" : " ('\(data)')")"
    }
}
