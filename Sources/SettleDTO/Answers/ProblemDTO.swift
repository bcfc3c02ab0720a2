import SettleModel

/// One validation problem as the API and CLI print it.
public struct ProblemDTO: Sendable, Hashable, Codable {
    /// Stable error number (501 length, 502 format, 503 range, 504 Luhn, 593 missing/erroneous, 606 empty, 600 not JSON, 601 past a limit).
    public var code: Int
    /// JSON pointer to the field in the settlement document.
    public var pointer: String
    public var detailIndex: Int?
    public var message: String

    public init(_ issue: ValidationIssue) {
        code = issue.code.rawValue
        pointer = issue.path
        detailIndex = issue.detailIndex
        message = issue.message
    }
}
