import SettleModel

/// Problems found while reading the document (types, shapes, unknown fields).
struct IssueList {
    var issues: [ValidationIssue] = []

    mutating func add(_ code: ErrorCode, _ pointer: String, _ message: String) {
        issues.append(ValidationIssue(code: code, detailIndex: DetailPointer.index(in: pointer), path: pointer, message: message))
    }
}
