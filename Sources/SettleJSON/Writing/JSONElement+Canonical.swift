extension JSONElement {
    /// The value as canonical JSON: compact, each object's members in the byte order of their
    /// names, strings and numbers written as ``JSONWriter`` writes them. Two documents that
    /// differ only in member order or white space have the same canonical text, which is what
    /// makes it a request's fingerprint (duplicate names are for the reader to refuse first).
    public var canonicalText: [UInt8] {
        var json = JSONWriter(capacity: tape.input.count)
        writeCanonical(to: &json)
        return json.bytes
    }

    func writeCanonical(to json: inout JSONWriter) {
        let node = tape.nodes[index]
        switch node.kind {
        case .null: json.null()
        case .true: json.bool(true)
        case .false: json.bool(false)
        case .integer: json.integer(Int64(bitPattern: node.payload))
        case .number: json.number(Double(bitPattern: node.payload))
        case .string: json.string(tape.string(at: index))
        case .array:
            json.array(elements ?? []) { json, element in element.writeCanonical(to: &json) }
        case .object:
            let members = tape.keys(of: index).map { (name: tape.string(at: Int($0.node)), value: Int($0.node) + 1) }
            json.object { json in
                for member in members.sorted(by: { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }) {
                    json.key(member.name)
                    JSONElement(tape: tape, index: member.value).writeCanonical(to: &json)
                }
            }
        }
    }
}
