/// The flags a user typed, by setting: what an option group hands to ``EffectiveSettings``.
/// A flag not given is absent, so the environment, the file or the default decides.
struct GivenFlags: Sendable {
    private(set) var values: [Setting: String] = [:]

    init() {}

    /// A valued flag's text, as typed.
    subscript(setting: Setting) -> String? {
        get { values[setting] }
        set { values[setting] = newValue }
    }

    /// A switch: given means on.
    mutating func switched(_ setting: Setting, _ isGiven: Bool) {
        if isGiven { values[setting] = "true" }
    }

    /// A flag that may be repeated (a list setting).
    mutating func repeated(_ setting: Setting, _ items: [String]) {
        if !items.isEmpty { values[setting] = items.joined(separator: ",") }
    }

    /// Both groups' flags (a setting is in one group only).
    func merging(_ other: GivenFlags) -> GivenFlags {
        var merged = self
        merged.values.merge(other.values) { first, _ in first }
        return merged
    }
}
