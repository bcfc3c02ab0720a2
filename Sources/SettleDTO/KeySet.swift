/// The member names an object of the document may have. Matched by ``KeySignature`` before
/// any string compare: a `Set<String>` hashed every member of every record, a visible share
/// of reading a batch.
struct KeySet: ExpressibleByArrayLiteral {
    private let keys: [String]
    private let signatures: [KeySignature]

    init(arrayLiteral keys: String...) {
        self.keys = keys
        self.signatures = keys.map(KeySignature.init)
    }

    func contains(_ key: String) -> Bool {
        let signature = KeySignature(key)
        return contains { $1 == signature && $0 == key }
    }

    /// Whether any name satisfies `matches(name, signature)`: for names still held as bytes.
    func contains(where matches: (String, KeySignature) -> Bool) -> Bool {
        keys.indices.contains { matches(keys[$0], signatures[$0]) }
    }

    /// The names, for comparing with the API description.
    var names: Set<String> { Set(keys) }
}
