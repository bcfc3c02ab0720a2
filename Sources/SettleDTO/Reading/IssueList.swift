import SettleModel

/// Problems found while reading the document (types, shapes, unknown fields), and notes about
/// what was read but not used.
struct IssueList {
    var issues: [ValidationIssue] = []
    var notes: [DocumentNote] = []

    mutating func add(_ code: ErrorCode, _ pointer: String, _ message: String) {
        issues.append(ValidationIssue(code: code, detailIndex: DetailPointer.index(in: pointer), path: pointer, message: message))
    }

    /// Something the caller should know that does not stop the batch.
    mutating func note(_ pointer: String, _ message: String) { notes.append(DocumentNote(path: pointer, message: message)) }
}
