/// Every problem of a batch at once, thrown by the encoder when validation fails.
public struct ValidationFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var issues: [ValidationIssue]

    public init(issues: [ValidationIssue]) { self.issues = issues }

    public var description: String {
        "batch is invalid (\(issues.count) problem\(issues.count == 1 ? "" : "s")): "
            + issues.map(\.description).joined(separator: "; ")
    }
}
