/// The member names an object of the document may have, sorted by ``KeySignature`` and found
/// by binary search before any string compare: a `Set<String>` hashed every member of every
/// record, and a linear scan compared each against dozens of names.
struct KeySet: ExpressibleByArrayLiteral {
    private let entries: [(signature: UInt32, key: String)]

    init(arrayLiteral keys: String...) {
        entries = keys.map { (KeySignature($0).bits, $0) }.sorted { $0.signature < $1.signature }
    }

    func contains(_ key: String) -> Bool {
        contains(signature: KeySignature(key)) { $0 == key }
    }

    /// Whether a name with this signature satisfies `matches`: for names still held as bytes.
    func contains(signature: KeySignature, where matches: (String) -> Bool) -> Bool {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].signature < signature.bits { low = middle + 1 } else { high = middle }
        }
        while low < entries.count, entries[low].signature == signature.bits {
            if matches(entries[low].key) { return true }
            low += 1
        }
        return false
    }

    /// The names, for comparing with the API description.
    var names: Set<String> { Set(entries.map(\.key)) }
}
