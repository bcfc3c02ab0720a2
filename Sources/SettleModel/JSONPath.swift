/// A JSON pointer into the settlement document, rendered only when a problem is reported:
/// validation builds one per field per record, and most are never needed.
struct JSONPath: ExpressibleByStringLiteral, Sendable {
    private var detailIndex: Int?
    private var tail: String

    init(stringLiteral value: String) {
        detailIndex = nil
        tail = value
    }

    private init(detailIndex: Int?, tail: String) {
        self.detailIndex = detailIndex
        self.tail = tail
    }

    /// `/detailRecords/<index>`.
    static func detail(_ index: Int) -> JSONPath { JSONPath(detailIndex: index, tail: "") }

    static func + (lhs: JSONPath, rhs: String) -> JSONPath { JSONPath(detailIndex: lhs.detailIndex, tail: lhs.tail + rhs) }

    /// The pointer as text.
    var rendered: String { detailIndex.map { "/detailRecords/\($0)" + tail } ?? tail }
}
