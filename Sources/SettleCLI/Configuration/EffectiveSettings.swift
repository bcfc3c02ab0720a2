import Configuration
import Foundation
import SettleLedger
import SettleSettings

/// A command's settings, each taken from the first source that has it (flag, environment
/// variable, configuration file, default) and parsed once, before the command does anything.
///
/// The sources are swift-configuration providers; the parsing is ours, so every source is
/// read by the same rules (the library's readers give a malformed value back as nil, and
/// accept different boolean spellings per provider). A malformed value stops the command
/// with the setting and the value's source named; a secret's value is never in the message.
/// The effective values sit in a `ConfigReader`, with secrets marked as such.
struct EffectiveSettings: Sendable {
    /// The parsed values, secrets marked (the library redacts them when printed).
    let reader: ConfigReader
    private let sources: [Setting: SettingSource]
    /// The settings this command reads, in declaration order.
    let settings: [Setting]

    /// Resolves `settings` from the flags given (their text, as typed), the environment, and
    /// the configuration file the flags or environment name.
    init(_ settings: [Setting], flags given: GivenFlags, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let flagProvider = InMemoryProvider(
            name: "flags",
            values: Dictionary(
                uniqueKeysWithValues: given.values.map { (Self.key($0.key), ConfigValue(.string($0.value), isSecret: $0.key.isSecret)) }))
        let secretNames = Set(Setting.all.filter(\.isSecret).compactMap(\.environment))
        let environmentProvider = EnvironmentVariablesProvider(environmentVariables: environment, secretsSpecifier: .specific(secretNames))
        var file: SettingsFile?
        // Only a command that reads settings from a file reads one (the simulator's fault script
        // does not, so a shared file with a mistake in it does not stop it).
        if settings.contains(.config), let path = try Self.text(of: .config, flags: flagProvider, environment: environmentProvider),
            !path.text.isEmpty
        {
            file = try SettingsFile.read(
                path.text, names: Set(Setting.all.compactMap(\.environment)).subtracting([Setting.config.environment!]), source: path.source)
        }
        var values: [AbsoluteConfigKey: ConfigValue] = [:]
        var sources: [Setting: SettingSource] = [:]
        for setting in settings {
            var found = try Self.text(of: setting, flags: flagProvider, environment: environmentProvider)
            // An empty value in the file leaves the setting unset, as an empty variable does.
            if found == nil, let name = setting.environment, let entry = file?.entries[name], !entry.value.isEmpty, let path = file?.path {
                found = (entry.value, .file(path: path, line: entry.line, name: name))
            }
            guard let (text, source) = found ?? setting.defaultValue.map({ ($0, SettingSource.defaultValue) }) else { continue }
            switch setting.parse(text) {
            case .success(let value):
                values[Self.key(setting)] = ConfigValue(value.content, isSecret: setting.isSecret)
                sources[setting] = source
            case .failure(let refusal):
                let shown = setting.isSecret || setting.kind == .url ? "" : " '\(text)'"
                throw CLIError("invalid value\(shown) for \(setting) from \(source): \(refusal.reason)")
            }
        }
        self.reader = ConfigReader(provider: InMemoryProvider(name: "effective", values: values))
        self.sources = sources
        self.settings = settings
    }

    /// A setting's text from a flag, else from the environment (an empty variable is unset).
    private static func text(
        of setting: Setting, flags: InMemoryProvider, environment: EnvironmentVariablesProvider
    ) throws
        -> (text: String, source: SettingSource)?
    {
        if let flag = setting.flag, case .string(let text)? = try flags.value(forKey: key(setting), type: .string).value?.content {
            return (text, .flag(flag))
        }
        if let name = setting.environment,
            case .string(let text)? = try environment.value(forKey: AbsoluteConfigKey([name]), type: .string).value?.content,
            !text.isEmpty
        {
            return (text, .environment(name))
        }
        return nil
    }

    private static func key(_ setting: Setting) -> AbsoluteConfigKey { AbsoluteConfigKey([setting.key]) }

    // MARK: Reading

    /// Where the setting's value came from; nil when it has none.
    func source(of setting: Setting) -> SettingSource? { sources[setting] }

    func text(_ setting: Setting) -> String? {
        reader.string(forKey: ConfigKey([setting.key]), isSecret: setting.isSecret)
    }

    func number(_ setting: Setting) -> Int? {
        reader.int(forKey: ConfigKey([setting.key]))
    }

    func isOn(_ setting: Setting) -> Bool {
        reader.bool(forKey: ConfigKey([setting.key]), default: false)
    }

    func list(_ setting: Setting) -> [String] {
        reader.stringArray(forKey: ConfigKey([setting.key]), default: [])
    }

    /// The value as `config` prints it: secrets redacted.
    func printed(_ setting: Setting) -> String? {
        guard let source = sources[setting] else { return nil }
        if setting.isSecret { return "<redacted>" }
        // A ledger URL may hold a password.
        if setting.key == Setting.ledgerUrl.key { return text(setting).map(PostgresLedger.redacted(url:)) }
        switch setting.kind {
        case .number: return number(setting).map(String.init)
        case .boolean: return String(isOn(setting))
        case .list: return list(setting).joined(separator: ",")
        case .text, .choice, .date, .url: return text(setting) ?? (source == .defaultValue ? setting.defaultValue : nil)
        }
    }
}

extension Setting.Value {
    /// The value as swift-configuration holds it.
    var content: ConfigContent {
        switch self {
        case .text(let text): .string(text)
        case .number(let number): .int(number)
        case .boolean(let flag): .bool(flag)
        case .list(let items): .stringArray(items)
        }
    }
}

extension EffectiveSettings {
    /// The contents of the file a setting names; one that cannot be read is an error naming
    /// the setting and where its value came from.
    func contents(of setting: Setting, path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("cannot read \(path), the file \(setting) names (from \(source(of: setting).map(String.init(describing:)) ?? "default"))")
        }
        return data
    }
}
