/// Keeps an optional group out of line, so a ``DetailRecord`` stays small and cheap to copy
/// (the encoder copies one per record). The box is immutable: setting a new value makes a
/// new box, so sharing a box between copies is safe and value semantics hold.
@propertyWrapper
public struct Boxed<Group: Sendable & Hashable>: Sendable, Hashable, CustomStringConvertible {
    @usableFromInline final class Storage: Sendable {
        @usableFromInline let value: Group
        @usableFromInline init(_ value: Group) { self.value = value }
    }

    @usableFromInline var storage: Storage?

    public init(wrappedValue: Group?) { storage = wrappedValue.map(Storage.init) }

    public var wrappedValue: Group? {
        get { storage?.value }
        set { storage = newValue.map(Storage.init) }
    }

    /// `$group`: the box itself, to ask about the group without copying it out.
    public var projectedValue: Boxed<Group> { self }

    /// Whether a group is present.
    @inlinable public var hasValue: Bool { storage != nil }

    /// Runs `body` on the boxed group in place, without copying it out; `nil` when absent.
    @inlinable public func with<Result>(_ body: (Group) -> Result) -> Result? {
        guard let storage else { return nil }
        return body(storage.value)
    }

    public static func == (lhs: Boxed, rhs: Boxed) -> Bool { lhs.wrappedValue == rhs.wrappedValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(wrappedValue) }
    public var description: String { wrappedValue.map { String(describing: $0) } ?? "nil" }
}
