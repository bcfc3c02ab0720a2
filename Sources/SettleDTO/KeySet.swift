/// The member names an object of the document may have, sorted by ``KeySignature`` and found
/// by binary search before any byte compare: a `Set<String>` hashed every member of every
/// record, and a linear scan compared each against dozens of names.
struct KeySet: ExpressibleByArrayLiteral {
    private let entries: [(signature: UInt32, name: StaticString)]

    init(arrayLiteral names: StaticString...) {
        entries = names.map { (KeySignature($0).bits, $0) }.sorted { $0.signature < $1.signature }
    }

    /// Whether a name with this signature satisfies `matches`: for names still held as bytes.
    func contains(signature: KeySignature, where matches: (StaticString) -> Bool) -> Bool {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].signature < signature.bits { low = middle + 1 } else { high = middle }
        }
        while low < entries.count, entries[low].signature == signature.bits {
            if matches(entries[low].name) { return true }
            low += 1
        }
        return false
    }

    /// The names, for comparing with the API description.
    var names: Set<String> { Set(entries.map(\.name.description)) }
}
