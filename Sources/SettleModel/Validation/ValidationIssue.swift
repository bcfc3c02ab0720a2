/// One problem found in a batch before anything is encoded.
///
/// `path` is a JSON pointer into the settlement document (`/detailRecords/3/cardNumber`),
/// so API callers and CLI users can find the field. Messages never contain a card number.
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    public var code: ErrorCode
    /// Index of the detail record the problem is in, `nil` for batch-level fields.
    public var detailIndex: Int?
    /// JSON pointer to the offending field.
    public var path: String
    public var message: String

    public init(code: ErrorCode, detailIndex: Int? = nil, path: String, message: String) {
        self.code = code
        self.detailIndex = detailIndex
        self.path = path
        self.message = message
    }

    public var description: String { "\(code.rawValue) \(path): \(message)" }
}
