import Foundation
import SettleModel

/// One configuration setting, declared once: its names, type, default, help, and whether it
/// is a secret. The flag's `@Option` takes its name and help from here, the environment and
/// the configuration file are read by the names here, `tsys-settle config` prints it, and a
/// test holds README's configuration table to the catalogue (`Setting+Catalogue.swift`).
package struct Setting: Sendable, Hashable, CustomStringConvertible {
    /// What a value must look like; every source's text is parsed by the same rules.
    package enum Kind: Sendable, Hashable {
        case text
        /// A whole number within the range: anything else (beyond Int64 included) is refused.
        case number(ClosedRange<Int>)
        /// `true/false/1/0/yes/no/on/off`, any case.
        case boolean
        /// One of these words, exactly as written here (any case is accepted).
        case choice([String])
        /// Comma-separated in the environment and a file; a flag may be repeated.
        case list
        /// A calendar date, `YYYY-MM-DD`.
        case date
        /// A URL with a scheme and a host and no password (a password has a variable of its
        /// own, which is secret); never echoed in an error, since it may carry one.
        case url
    }

    /// The name in `tsys-settle config` and in a JSON-style listing (`listenPort`).
    package let key: String
    /// The flag without its dashes (`listen-port`); nil for a setting no flag may carry
    /// (secrets: a flag shows in `ps` and shell history).
    package let flag: String?
    /// The environment variable, which is also the name in a configuration file; nil for a
    /// command's own arguments (the simulator's fault script, a listing's page size).
    package let environment: String?
    package let kind: Kind
    /// The default as text (what `config` prints); nil when there is none.
    package let defaultValue: String?
    package let help: String
    /// Never printed, logged or echoed in an error: `config` shows `<redacted>`.
    package var isSecret = false

    package var description: String {
        switch (flag, environment) {
        case (let flag?, let name?): "--\(flag) (\(name))"
        case (let flag?, nil): "--\(flag)"
        case (nil, let name?): name
        case (nil, nil): key
        }
    }

}

extension Setting {
    /// The value `text` stands for, or why it stands for none.
    package func parse(_ text: String) -> Result<Value, Refusal> {
        switch kind {
        case .text:
            return .success(.text(text))
        case .number(let range):
            guard let number = Int(text.trimmingCharacters(in: .whitespaces)) else {
                return .failure(Refusal("must be a whole number from \(range.lowerBound) to \(range.upperBound)"))
            }
            guard range.contains(number) else { return .failure(Refusal("must be \(range.lowerBound)-\(range.upperBound)")) }
            return .success(.number(number))
        case .boolean:
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "1", "yes", "on": return .success(.boolean(true))
            case "false", "0", "no", "off": return .success(.boolean(false))
            default: return .failure(Refusal("must be true or false (also 1/0, yes/no, on/off)"))
            }
        case .choice(let words):
            guard let word = words.first(where: { $0.lowercased() == text.lowercased() }) else {
                return .failure(Refusal("must be one of \(words.joined(separator: ", "))"))
            }
            return .success(.text(word))
        case .date:
            guard LocalDate(iso: text) != nil else { return .failure(Refusal("must be a date as YYYY-MM-DD")) }
            return .success(.text(text))
        case .url:
            guard let url = URLComponents(string: text), url.scheme != nil, let host = url.host, !host.isEmpty else {
                return .failure(Refusal("must be a URL such as socks5://host:1080"))
            }
            guard url.password == nil else {
                return .failure(Refusal("carries a password: give it in its own variable (\(Setting.proxyPassword)) instead"))
            }
            return .success(.text(text))
        case .list:
            // An empty entry (`--api-key-hash ""`, `a,,b`) is a mistake to report, not to drop:
            // dropping the only API key hash would turn authentication off.
            let items = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard !items.contains(where: \.isEmpty) else { return .failure(Refusal("has an empty entry")) }
            return .success(.list(items))
        }
    }

    /// A parsed value.
    package enum Value: Sendable, Hashable {
        case text(String)
        case number(Int)
        case boolean(Bool)
        case list([String])
    }

    /// Why a value was refused (the setting and its source are added by the caller).
    package struct Refusal: Error, Sendable {
        package let reason: String
        package init(_ reason: String) { self.reason = reason }
    }
}
