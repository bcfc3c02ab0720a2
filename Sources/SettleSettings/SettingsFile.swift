import Foundation

/// A configuration file of `NAME=value` lines with the environment variables' names (so
/// one vocabulary serves containers, shells and files), with `#` comments.
///
/// Lines end with LF or CRLF alike: a file saved on Windows reads the same (splitting on
/// `"\n"` alone would not split it at all, since `"\r\n"` is one Swift `Character`). Unknown
/// names and malformed lines are errors naming the file and line: a typo must not silently
/// leave a default in force.
package struct SettingsFile: Sendable {
    package struct Entry: Sendable {
        package var value: String
        package var line: Int
    }

    package let path: String
    /// Each name with its value and the line that set it (the last one, when repeated).
    package let entries: [String: Entry]

    package init(text: String, path: String, names: Set<String>) throws {
        var entries: [String: Entry] = [:]
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else { throw SettingsFileError("\(path):\(index + 1): expected NAME=value") }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard names.contains(name) else {
                // Named only when it looks like a name: a stray line may hold a secret.
                let looksLikeAName = name.count <= 64 && name.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") }
                throw SettingsFileError("\(path):\(index + 1): unknown setting\(looksLikeAName ? " \(name)" : " (not a TSYS_SETTLE_ name)")")
            }
            entries[name] = Entry(value: line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces), line: index + 1)
        }
        self.path = path
        self.entries = entries
    }

    /// Reads the file at `path`.
    package static func read(_ path: String, names: Set<String>, source: SettingSource) throws -> SettingsFile {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw SettingsFileError("cannot read the configuration file \(path) (from \(source))")
        }
        return try SettingsFile(text: text, path: path, names: names)
    }
}

/// A configuration file that cannot be read, or a line of it that is not a known `NAME=value`:
/// the message names the file and line (never a value, which may be a secret).
package struct SettingsFileError: Error, Sendable, CustomStringConvertible {
    package let message: String
    package init(_ message: String) { self.message = message }
    package var description: String { message }
}
