/// A fixed set of allowed codes, checked without hashing when they are one character long
/// (the validator runs once per field per record, so this is on the hot path).
struct CodeSet: Sendable {
    private let single: CharacterRule
    private let longer: Set<String>
    /// `'A', 'B', …` for messages.
    let listing: String

    init(_ values: [String]) {
        single = CharacterRule(values.filter { $0.utf8.count == 1 }.joined(), explanation: "")
        longer = Set(values.filter { $0.utf8.count > 1 })
        listing = values.sorted().map { "'\($0)'" }.joined(separator: ", ")
    }

    @inline(__always)
    func contains(_ value: String) -> Bool {
        let utf8 = value.utf8
        if utf8.count == 1, let byte = utf8.first { return single.accepts(byte) }
        return longer.contains(value)
    }
}
