import SettleModel

/// Problems found while reading the document (types, shapes, unknown fields).
struct IssueList {
    var issues: [ValidationIssue] = []

    mutating func add(_ code: ErrorCode, _ pointer: String, _ message: String) {
        issues.append(ValidationIssue(code: code, detailIndex: DetailPointer.index(in: pointer), path: pointer, message: message))
    }
}

/// Reads the detail index out of a pointer such as `/detailRecords/3/cardNumber`.
enum DetailPointer {
    static func index(in pointer: String) -> Int? {
        let parts = pointer.split(separator: "/")
        guard parts.count >= 2, parts[0] == "detailRecords" else { return nil }
        return Int(parts[1])
    }
}
