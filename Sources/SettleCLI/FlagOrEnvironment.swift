import Foundation

/// How an option falls back: the flag if given, else its environment variable (which the
/// configuration file may have set), else nothing (the built-in default applies).
struct FlagOrEnvironment {
    var environment: [String: String] = ProcessInfo.processInfo.environment

    func text(_ flag: String?, _ name: String) -> String? {
        flag ?? environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The setting's whole number, from the flag or else the environment; nil when neither
    /// gives one. A value out of the setting's range, or an environment value that is not a
    /// whole number (`80x`, `64MiB`, ` 30`), is an error naming the setting.
    func number(_ flag: Int?, _ setting: NumericSetting) throws -> Int? {
        if let flag { return try setting.check(flag) }
        guard let name = setting.environment, let text = environment[name], !text.isEmpty else { return nil }
        guard let value = Int(text) else { throw CLIError("\(setting) must be a whole number, got '\(text)'") }
        return try setting.check(value)
    }

    /// A switch: on when the flag is given or the variable is `true`.
    func isOn(_ flag: Bool, _ name: String) -> Bool {
        flag || environment[name]?.lowercased() == "true"
    }

    /// The text of the file a setting names.
    func file(_ path: String?) throws -> String? {
        guard let path else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("cannot read \(path)") }
        return String(decoding: data, as: UTF8.self)
    }
}
