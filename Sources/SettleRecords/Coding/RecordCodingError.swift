/// A field could not be written or read.
public struct RecordCodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Ordinal field number within the record, as the host reports it in an RB response.
    public var fieldNumber: Int
    /// The offending content (never a full card number: the card field is masked by the caller).
    public var data: String
    public var reason: String

    public init(fieldNumber: Int, data: String, reason: String) {
        self.fieldNumber = fieldNumber
        self.data = data
        self.reason = reason
    }

    public var description: String { "field \(fieldNumber): \(reason) ('\(data)')" }
}
