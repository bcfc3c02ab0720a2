/// What a valid document held that the batch does not use, with its JSON pointer: for example
/// ICC data tags the chip card addendum has no field for. A dry run lists them.
public struct DocumentNote: Sendable, Hashable, Codable {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
}
