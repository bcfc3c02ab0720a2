/// A JSON pointer into the settlement document, rendered only when a problem is reported:
/// validation builds one per field per record, and almost none are ever needed. Appending
/// keeps the newest segment apart, so the common one-level `p + "/lodging"` concatenates nothing.
struct JSONPath: ExpressibleByStringLiteral, Sendable {
    private var detailIndex: Int?
    private var tail: String
    private var leaf = ""

    init(stringLiteral value: String) {
        detailIndex = nil
        tail = value
    }

    private init(detailIndex: Int?, tail: String, leaf: String) {
        self.detailIndex = detailIndex
        self.tail = tail
        self.leaf = leaf
    }

    /// `/detailRecords/<index>`.
    static func detail(_ index: Int) -> JSONPath { JSONPath(detailIndex: index, tail: "", leaf: "") }

    static func + (lhs: JSONPath, rhs: String) -> JSONPath {
        lhs.leaf.isEmpty
            ? JSONPath(detailIndex: lhs.detailIndex, tail: lhs.tail, leaf: rhs)
            : JSONPath(detailIndex: lhs.detailIndex, tail: lhs.tail + lhs.leaf, leaf: rhs)
    }

    /// The pointer as text.
    var rendered: String { detailIndex.map { "/detailRecords/\($0)" + tail + leaf } ?? tail + leaf }
}
