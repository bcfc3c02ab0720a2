/// A DTO that writes itself with ``JSONWriter``, exactly as `JSONEncoder` would encode it.
public protocol JSONWritable: Encodable {
    func write(to json: inout JSONWriter)
}
