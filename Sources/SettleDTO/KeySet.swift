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
        contains(key, signature: KeySignature(key))
    }

    func contains(_ key: String, signature: KeySignature) -> Bool {
        signatures.indices.contains { signatures[$0] == signature && keys[$0] == key }
    }

    /// The names, for comparing with the API description.
    var names: Set<String> { Set(keys) }
}
