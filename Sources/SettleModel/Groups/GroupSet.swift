/// A set of optional data group numbers (1–48), the content of a record's group map.
public struct GroupSet: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: UInt64

    @inlinable public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// The set holding the given group numbers.
    public init(groups: some Sequence<Int>) {
        self.rawValue = 0
        for group in groups { insert(group: group) }
    }

    @inlinable public func contains(group: Int) -> Bool { rawValue & GroupSet.bit(group) != 0 }
    @inlinable public mutating func insert(group: Int) { rawValue |= GroupSet.bit(group) }
    @inlinable public mutating func remove(group: Int) { rawValue &= ~GroupSet.bit(group) }

    /// The group numbers in ascending order (the order their data follows the base fields).
    public var groups: [Int] { (1...48).filter { contains(group: $0) } }

    /// Whether any group beyond 24 is present, which requires the extension map (group 23).
    @inlinable public var needsExtension: Bool { rawValue >> 24 != 0 }

    public var description: String { "{" + groups.map(String.init).joined(separator: ",") + "}" }

    @inlinable static func bit(_ group: Int) -> UInt64 {
        precondition((1...48).contains(group), "group numbers are 1-48")
        return 1 << UInt64(group - 1)
    }
}
