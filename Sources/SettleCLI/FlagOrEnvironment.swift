import Foundation

/// How an option falls back: the flag if given, else its environment variable (which the
/// configuration file may have set), else nothing (the built-in default applies).
struct FlagOrEnvironment {
    var environment: [String: String] = ProcessInfo.processInfo.environment

    func text(_ flag: String?, _ name: String) -> String? {
        flag ?? environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A whole number within `range`; out of range is an error naming the setting.
    func number(_ flag: Int?, _ name: String, _ range: ClosedRange<Int>) throws -> Int? {
        guard let value = flag ?? environment[name].flatMap(Int.init) else { return nil }
        guard range.contains(value) else { throw CLIError("\(name) must be \(range.lowerBound)-\(range.upperBound)") }
        return value
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
