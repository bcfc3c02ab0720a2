import Foundation
import SettleSettings

/// The configuration file reader takes any text, or refuses it naming the line; a file reads the
/// same with CRLF line endings as with LF; and every value it keeps is parsed by its setting's
/// rules (numbers beyond any integer included) without a crash.
enum ConfigurationFileTarget {
    static let settings = Dictionary(Setting.all.compactMap { setting in setting.environment.map { ($0, setting) } }) { first, _ in first }
    static let names = Set(settings.keys)

    static func run(_ bytes: [UInt8]) -> FuzzFailure? {
        let text = String(decoding: bytes, as: UTF8.self)
        let read = outcome(text)
        if case .success(let file) = read {
            for (name, entry) in file.entries { _ = settings[name]?.parse(entry.value) }
        }
        // A lone CR ends a line as LF does, so only text without CR is compared with its CRLF form.
        guard !text.unicodeScalars.contains("\r") else { return nil }
        let windows = outcome(text.replacingOccurrences(of: "\n", with: "\r\n"))
        guard describe(read) == describe(windows) else {
            return FuzzFailure("a file reads otherwise with CRLF line endings", "LF: \(describe(read))\nCRLF: \(describe(windows))")
        }
        return nil
    }

    static func outcome(_ text: String) -> Result<SettingsFile, SettingsFileError> {
        Result { () throws(SettingsFileError) in
            do {
                return try SettingsFile(text: text, path: "fuzz.conf", names: names)
            } catch let error as SettingsFileError {
                throw error
            } catch {
                throw SettingsFileError("\(error)")
            }
        }
    }

    static func describe(_ outcome: Result<SettingsFile, SettingsFileError>) -> String {
        switch outcome {
        case .success(let file): file.entries.sorted { $0.key < $1.key }.map { "\($0.key)@\($0.value.line)=\($0.value.value)" }.joined(separator: "|")
        case .failure(let error): error.message
        }
    }
}
