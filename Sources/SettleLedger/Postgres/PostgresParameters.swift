import CPostgres

/// A statement's values as libpq takes them: integers and text as text (no escaping: they are
/// sent apart from the statement), bytea in binary; NULL as a null pointer.
struct PostgresParameters {
    private(set) var types: [Oid] = []
    private(set) var formats: [Int32] = []
    private(set) var lengths: [Int32] = []
    /// Every value's bytes, each NUL-terminated, one after another; a NULL has none.
    private var storage: [CChar] = []
    /// Where each value starts in `storage` (nil: NULL).
    private var starts: [Int?] = []

    var count: Int32 { Int32(types.count) }

    init(_ values: [LedgerValue]) {
        for value in values {
            switch value {
            case .null: append(0, 0, 0, nil)
            case .integer(let number): append(20, 0, 0, Array(String(number).utf8CString))
            case .text(let string): append(25, 0, 0, Array(string.utf8CString))
            case .blob(let bytes): append(17, 1, Int32(bytes.count), bytes.map { CChar(bitPattern: $0) } + [0])
            }
        }
    }

    private mutating func append(_ type: Oid, _ format: Int32, _ length: Int32, _ bytes: [CChar]?) {
        types.append(type)
        formats.append(format)
        lengths.append(length)
        starts.append(bytes.map { _ in storage.count })
        storage += bytes ?? []
    }

    /// Calls `body` with pointers to the values, valid for the call only.
    func withValues<T>(_ body: ([UnsafePointer<CChar>?]) -> T) -> T {
        storage.withUnsafeBufferPointer { buffer in
            body(starts.map { start in start.map { buffer.baseAddress! + $0 } })
        }
    }
}
