/// Where a setting's value came from, in the order they take precedence.
package enum SettingSource: Sendable, Hashable, CustomStringConvertible {
    case flag(String)
    case environment(String)
    /// A configuration file's line, with the name written there.
    case file(path: String, line: Int, name: String)
    case defaultValue

    package var description: String {
        switch self {
        case .flag(let flag): "flag --\(flag)"
        case .environment(let name): "environment variable \(name)"
        case .file(let path, let line, let name): "\(path):\(line) (\(name))"
        case .defaultValue: "default"
        }
    }
}
