import CPostgres

/// A statement's values as libpq takes them: integers and text as text (no escaping: they are
/// sent apart from the statement), bytea in binary; NULL as a null pointer.
struct PostgresParameters {
    private(set) var types: [Oid] = []
    private(set) var formats: [Int32] = []
    private(set) var lengths: [Int32] = []
    private var buffers: [[CChar]?] = []

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

    private mutating func append(_ type: Oid, _ format: Int32, _ length: Int32, _ buffer: [CChar]?) {
        types.append(type)
        formats.append(format)
        lengths.append(length)
        buffers.append(buffer)
    }

    /// Calls `body` with pointers to the values, valid for the call only.
    func withValues<T>(_ body: ([UnsafePointer<CChar>?]) -> T) -> T {
        var pointers: [UnsafePointer<CChar>?] = []
        func nest(_ index: Int) -> T {
            guard index < buffers.count else { return body(pointers) }
            guard let buffer = buffers[index] else {
                pointers.append(nil)
                return nest(index + 1)
            }
            return buffer.withUnsafeBufferPointer { pointer in
                pointers.append(pointer.baseAddress)
                return nest(index + 1)
            }
        }
        return nest(0)
    }
}
