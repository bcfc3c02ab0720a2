/// Keeps an optional group out of line, so a ``DetailRecord`` stays small and cheap to copy
/// (the encoder copies one per record). The box is immutable: setting a new value makes a
/// new box, so sharing a box between copies is safe and value semantics hold.
@propertyWrapper
public struct Boxed<Group: Sendable & Hashable>: Sendable, Hashable, CustomStringConvertible {
    private final class Storage: Sendable {
        let value: Group
        init(_ value: Group) { self.value = value }
    }

    private var storage: Storage?

    public init(wrappedValue: Group?) { storage = wrappedValue.map(Storage.init) }

    public var wrappedValue: Group? {
        get { storage?.value }
        set { storage = newValue.map(Storage.init) }
    }

    public static func == (lhs: Boxed, rhs: Boxed) -> Bool { lhs.wrappedValue == rhs.wrappedValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(wrappedValue) }
    public var description: String { wrappedValue.map { String(describing: $0) } ?? "nil" }
}
