/// The tagged values of the detail extension (detail group 41), kept in the spec's tag order so
/// two extensions with the same values are equal whatever order they were read in.
public struct DetailExtension: Sendable, Hashable {
    /// One tag and its value.
    public struct Entry: Sendable, Hashable {
        public var tag: DetailExtensionTag
        public var value: String
    }

    /// The values present, in tag order.
    public private(set) var entries: [Entry]

    public init(_ values: [DetailExtensionTag: String] = [:]) {
        entries = values.map { Entry(tag: $0.key, value: $0.value) }.sorted { $0.tag < $1.tag }
    }

    /// Whether no tag is present (the group is then not sent).
    public var isEmpty: Bool { entries.isEmpty }

    /// The value of `tag`; setting `nil` removes it.
    public subscript(tag: DetailExtensionTag) -> String? {
        get { entries.first { $0.tag == tag }?.value }
        set {
            let index = entries.firstIndex { $0.tag >= tag } ?? entries.endIndex
            let present = index < entries.endIndex && entries[index].tag == tag
            switch (newValue, present) {
            case (let value?, true): entries[index].value = value
            case (let value?, false): entries.insert(Entry(tag: tag, value: value), at: index)
            case (nil, true): entries.remove(at: index)
            case (nil, false): break
            }
        }
    }

    /// The bytes of every tag, size and value on the wire (the group's length field not included).
    public var valuesLength: Int { entries.reduce(0) { $0 + 5 + $1.value.utf8.count } }
}
