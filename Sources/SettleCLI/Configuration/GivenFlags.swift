import SettleSettings

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

    /// A switch: `--NAME` turns it on and `--no-NAME` off, over the environment and the file;
    /// neither leaves it to them.
    mutating func switched(_ setting: Setting, _ given: Bool?) {
        if let given { values[setting] = given ? "true" : "false" }
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
