import ArgumentParser
import Foundation
import SettleSettings
import SettleTestSupport
import Testing

@testable import SettleCLI

/// The one configuration system: every setting declared once in the catalogue, read from a
/// flag, the environment or a configuration file by the same rules, and refused at start by
/// name and source when malformed (issues 10 and 11).
@Suite struct SettingsTests {
    /// A command of each kind, parsed from `arguments` (plus what a parse needs besides flags).
    static func command(_ name: String, _ arguments: [String]) throws -> any ConfiguredCommand {
        let (type, placeholders) = try #require(ConfigCommand.commands[name])
        return try type.parse(placeholders + arguments)
    }

    static func resolve(_ name: String, _ arguments: [String] = [], environment: [String: String] = [:]) throws -> EffectiveSettings {
        try command(name, arguments).settings(environment: environment)
    }

    /// The message a resolution that must fail throws.
    static func refusal(_ name: String, _ arguments: [String] = [], environment: [String: String] = [:]) -> String? {
        do {
            _ = try resolve(name, arguments, environment: environment)
            return nil
        } catch {
            return String(describing: error)
        }
    }

    /// A value each kind accepts.
    static func validText(_ setting: Setting) -> String {
        switch setting.kind {
        case .number(let range): String(range.lowerBound)
        case .boolean: "true"
        case .choice(let words): words[0]
        case .list: "a"
        case .date: "2026-11-28"
        case .url: "socks5://127.0.0.1:1080"
        case .text: "x"
        }
    }

    static let commandNames = ConfigCommand.commands.keys.sorted()

    // MARK: Declared once

    /// Each setting of a command is wired to one of its flags: typed there, it is what the
    /// command reads, with the flag as its source.
    @Test(arguments: commandNames)
    func everyFlagOfACommandReachesItsSetting(command: String) throws {
        for setting in Setting.byCommand[command] ?? [] {
            guard let flag = setting.flag else { continue }
            let arguments = setting.kind == .boolean && setting.defaultValue == "false" ? ["--\(flag)"] : ["--\(flag)=\(Self.validText(setting))"]
            // A configuration file named by a flag must exist.
            let empty = Scratch.url("empty", suffix: ".conf")
            try Data().write(to: empty)
            let settings = try Self.resolve(command, setting == .config ? ["--config=\(empty.path)"] : arguments)
            #expect(settings.source(of: setting) == .flag(flag), "\(command) \(arguments)")
        }
    }

    /// Numbers reach a command only through the catalogue: an `Int` option would skip its
    /// ranges, its sources and `config`.
    @Test(arguments: commandNames)
    func noCommandHasAWholeNumberOptionOfItsOwn(command: String) throws {
        let parsed = try Self.command(command, [])
        #expect(Self.optionTypes(parsed).filter { $0.contains("Int") }.isEmpty)
        #expect(Self.optionTypes(parsed).count >= (Setting.byCommand[command] ?? []).filter { $0.flag != nil }.count)
    }

    /// The property-wrapper types of a parsed command's options, its groups' included.
    static func optionTypes(_ value: Any) -> [String] {
        Mirror(reflecting: value).children.flatMap { child -> [String] in
            let type = String(describing: Swift.type(of: child.value))
            if type.hasPrefix("Option<") || type.hasPrefix("Flag<") { return [type] }
            return child.value is String ? [] : optionTypes(child.value)
        }
    }

    @Test func namesAreUniqueAndEveryVariableIsOneOfOurs() {
        #expect(Set(Setting.all.map(\.key)).count == Setting.all.count)
        let variables = Setting.all.compactMap(\.environment)
        #expect(Set(variables).count == variables.count)
        #expect(variables.allSatisfy { $0.hasPrefix("TSYS_SETTLE_") })
        for (command, settings) in Setting.byCommand {
            let flags = settings.compactMap(\.flag)
            #expect(Set(flags).count == flags.count, "\(command) has a flag twice")
        }
        // Secrets come from the environment or a file, never a flag (ps, shell history).
        #expect(Setting.all.filter(\.isSecret).allSatisfy { $0.flag == nil && $0.environment != nil })
    }

    // MARK: One set of rules for every source

    /// Each spelling of a boolean, for a switch and for a valued setting, from each source.
    @Test(arguments: ["true", "TRUE", "1", "yes", "Yes", "on", "ON", "false", "False", "0", "no", "NO", "off", "Off"])
    func everyBooleanSpellingMeansTheSameEverywhere(spelling: String) throws {
        let expected = ["true", "1", "yes", "on"].contains(spelling.lowercased())
        for setting in [Setting.plainTCP, .combineRecords] {
            let name = try #require(setting.environment)
            let fromEnvironment = try Self.resolve("send", environment: [name: spelling])
            #expect(fromEnvironment.isOn(setting) == expected, "\(name)=\(spelling)")
            let file = Scratch.url("bool", suffix: ".conf")
            try "\(name)=\(spelling)\r\n".write(to: file, atomically: true, encoding: .utf8)
            let fromFile = try Self.resolve("send", ["--config", file.path])
            #expect(fromFile.isOn(setting) == expected, "file \(name)=\(spelling)")
        }
        #expect(try Self.resolve("send", ["--combine-records=\(spelling)"]).isOn(.combineRecords) == expected)
    }

    /// A malformed number, boolean and choice from a flag, the environment and a file line:
    /// each refuses naming the setting and the source (the file's path and line).
    @Test(arguments: [(Setting.listenPort, "80x"), (.insecureBind, "maybe"), (.combineRecords, "maybe"), (.processor, "tsys-production")])
    func aMalformedValueIsRefusedNamingTheSettingAndItsSource(setting: Setting, value: String) throws {
        let name = try #require(setting.environment), flag = try #require(setting.flag)
        if setting.kind != .boolean {
            let message = try #require(Self.refusal("serve", ["--\(flag)=\(value)"]))
            #expect(message.contains("--\(flag)") && message.contains("from flag --\(flag)") && message.contains(value), "\(message)")
        }
        let fromEnvironment = try #require(Self.refusal("serve", environment: [name: value]))
        #expect(fromEnvironment.contains("from environment variable \(name)"), "\(fromEnvironment)")
        let file = Scratch.url("malformed", suffix: ".conf")
        try "# settings\nTSYS_SETTLE_DEVELOPER_ID=003318\n\(name)=\(value)\n".write(to: file, atomically: true, encoding: .utf8)
        let fromFile = try #require(Self.refusal("serve", ["--config", file.path]))
        #expect(fromFile.contains("from \(file.path):3 (\(name))"), "\(fromFile)")
    }

    /// A switch can be turned off by its `--no-` flag over the environment, and on over it.
    @Test func aSwitchFlagWinsBothWays() throws {
        #expect(try Self.resolve("send", ["--no-plain"], environment: ["TSYS_SETTLE_PLAIN_TCP": "true"]).isOn(.plainTCP) == false)
        #expect(try Self.resolve("send", ["--plain"], environment: ["TSYS_SETTLE_PLAIN_TCP": "off"]).isOn(.plainTCP) == true)
        #expect(try Self.resolve("send", environment: ["TSYS_SETTLE_PLAIN_TCP": "yes"]).isOn(.plainTCP) == true)
        #expect(
            try Self.resolve("serve", ["--no-insecure-skip-verify"], environment: ["TSYS_SETTLE_INSECURE_SKIP_VERIFY": "1"]).isOn(.insecureSkipVerify)
                == false)
    }

    @Test func flagsWinOverTheEnvironmentWhichWinsOverTheFile() throws {
        let file = Scratch.url("precedence", suffix: ".conf")
        try "TSYS_SETTLE_LISTEN_PORT=1001\nTSYS_SETTLE_MAX_CONNECTIONS=7\n".write(to: file, atomically: true, encoding: .utf8)
        let environment = ["TSYS_SETTLE_LISTEN_PORT": "1002", "TSYS_SETTLE_CONFIG": file.path]
        let settings = try Self.resolve("serve", ["--listen-port", "1003"], environment: environment)
        #expect(settings.number(.listenPort) == 1003)
        #expect(try Self.resolve("serve", environment: environment).number(.listenPort) == 1002)
        #expect(settings.number(.maxConnections) == 7)
        #expect(settings.source(of: .maxConnections) == .file(path: file.path, line: 2, name: "TSYS_SETTLE_MAX_CONNECTIONS"))
        #expect(settings.number(.idleTimeout) == 60)
        #expect(settings.source(of: .idleTimeout) == .defaultValue)
    }

    /// A secret's value is never part of a refusal.
    @Test func aSecretsValueIsNeverInAnError() throws {
        let message = try #require(Self.refusal("serve", ["--combine-records=maybe"], environment: ["TSYS_SETTLE_LEDGER_KEY": "s3cr3t-value"]))
        #expect(!message.contains("s3cr3t-value"))
    }

    /// A proxy URL with a password in it is refused without being echoed anywhere, so `config`
    /// cannot print it (the password has a secret variable of its own).
    @Test func aProxyURLCarryingAPasswordIsRefusedAndNeverEchoed() throws {
        let message = try #require(Self.refusal("serve", environment: ["TSYS_SETTLE_PROXY": "socks5://ops:S3cret@proxy:1080"]))
        #expect(message.contains("TSYS_SETTLE_PROXY_PASSWORD"))
        #expect(!message.contains("S3cret") && !message.contains("ops:"))
        let result = try CLIRunner.run(
            ["config"], environment: CLIRunner.sampleIds.merging(["TSYS_SETTLE_PROXY": "socks5://ops:S3cret@proxy:1080"]) { $1 })
        #expect(result.status == 1)
        #expect(!result.output.contains("S3cret") && !result.errors.contains("S3cret"))
    }

    /// An empty value in the file leaves its setting unset, as an empty variable does; an empty
    /// entry in a list is refused (dropping the only API key hash would turn authentication off).
    @Test func emptyValuesAreUnsetAndEmptyListEntriesAreRefused() throws {
        let file = Scratch.url("empty-values", suffix: ".conf")
        try "TSYS_SETTLE_CA_FILE=\nTSYS_SETTLE_SSL_KEYLOG_FILE=\nTSYS_SETTLE_LISTEN_PORT=\n".write(to: file, atomically: true, encoding: .utf8)
        let settings = try Self.resolve("serve", ["--config", file.path])
        #expect(settings.text(.caFile) == nil)
        #expect(settings.text(.sslKeyLogFile) == nil)
        #expect(settings.number(.listenPort) == 8080)
        #expect(Self.refusal("serve", ["--api-key-hash", ""])?.contains("has an empty entry") == true)
        #expect(
            Self.refusal("serve", environment: ["TSYS_SETTLE_API_KEY_HASHES": "\(String(repeating: "a", count: 64)),,"])?.contains("empty entry")
                == true)
    }

    /// The simulator reads no configuration file: a broken one named in the environment does
    /// not stop it.
    @Test func theSimulatorDoesNotReadTheConfigurationFile() throws {
        let file = Scratch.url("broken", suffix: ".conf")
        try "TSYS_SETTLE_LISTEN_PORT=80x\nnot a line\n".write(to: file, atomically: true, encoding: .utf8)
        let settings = try Self.resolve("simulate", environment: ["TSYS_SETTLE_CONFIG": file.path])
        #expect(settings.number(.simulatorPort) == 5004)
        #expect(Self.refusal("validate", environment: ["TSYS_SETTLE_CONFIG": file.path]) != nil)
    }

    // MARK: Numbers a setting cannot hold (issue 10)

    /// The values a setting is given: out of its range, and not numbers at all.
    static func refusedValues(_ range: ClosedRange<Int>) -> [String] {
        let numbers = [Int.max, Int.min, -1, 0, range.lowerBound - 1, range.upperBound + 1].filter { !range.contains($0) }
        return Array(Set(numbers.map(String.init))).sorted() + ["99999999999999999999", "80x", "1e3", ""]
    }

    static let numericSettings: [(command: String, setting: Setting)] = commandNames.flatMap { command in
        (Setting.byCommand[command] ?? []).compactMap { setting in
            if case .number = setting.kind { return (command, setting) }
            return nil
        }
    }

    /// Every whole-number setting of every command refuses each value it cannot hold, from a
    /// flag, the environment and a file, naming itself.
    @Test func everyNumericSettingRefusesEveryValueItCannotHoldByName() throws {
        #expect(Self.numericSettings.count > 25)
        for (command, setting) in Self.numericSettings {
            guard case .number(let range) = setting.kind else { continue }
            for value in Self.refusedValues(range) where !value.isEmpty {
                if let flag = setting.flag {
                    let message = Self.refusal(command, ["--\(flag)=\(value)"])
                    #expect(message?.contains("--\(flag)") == true, "\(command) --\(flag)=\(value): \(message ?? "accepted")")
                }
                if let name = setting.environment {
                    let message = Self.refusal(command, environment: [name: value])
                    #expect(message?.contains(name) == true, "\(command) \(name)=\(value): \(message ?? "accepted")")
                }
            }
        }
    }

    /// ... and a whole process refuses at start, exit status 1, before listening or sending.
    @Test(arguments: Setting.byCommand["serve"]?.filter { if case .number = $0.kind { $0.environment != nil } else { false } } ?? [])
    func serveRefusesAnOutOfRangeNumberAtStart(setting: Setting) throws {
        guard case .number(let range) = setting.kind, let name = setting.environment else { return }
        // The test's own --listen-port would win over the variable under test.
        let port = setting == .listenPort ? [] : ["--listen-port", "0"]
        let result = try CLIRunner.run(
            ["serve", "--data-dir", Scratch.url("settings-data").path] + port,
            environment: CLIRunner.sampleIds.merging([name: String(range.upperBound + 1)]) { $1 }, timeout: 20)
        #expect(result.status == 1, "\(name): \(result.errors)")
        #expect(result.errors.contains(name), "\(name): \(result.errors)")
    }

    // MARK: `tsys-settle config`

    @Test func configListsEveryDeclaredSettingWithItsSourceAndRedactsSecrets() throws {
        let file = Scratch.url("secrets", suffix: ".conf")
        try "TSYS_SETTLE_CLIENT_CERT_PASSWORD=file-secret-123\nTSYS_SETTLE_HOST=simulator.test\n".write(to: file, atomically: true, encoding: .utf8)
        var listed: Set<String> = []
        for command in Self.commandNames {
            let environment = CLIRunner.sampleIds.merging(["TSYS_SETTLE_LEDGER_KEY": "environment-secret-456", "TSYS_SETTLE_CONFIG": file.path]) {
                $1
            }
            let result = try CLIRunner.run(["config", "--json", command], environment: environment)
            #expect(result.status == 0, "\(command): \(result.errors)")
            #expect(!result.output.contains("secret-123") && !result.output.contains("secret-456"))
            let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
            let lines = try #require(object?["settings"] as? [[String: Any]])
            listed.formUnion(lines.compactMap { $0["key"] as? String })
            let settingsName = try #require(ConfigCommand.commands[command]?.type.settingsName)
            #expect(lines.count == Setting.byCommand[settingsName]?.count, "\(command)")
            if command == "send" {
                let host = lines.first { $0["key"] as? String == "host" }
                #expect(host?["source"] as? String == "\(file.path):2 (TSYS_SETTLE_HOST)")
                #expect(lines.first { $0["key"] as? String == "clientCertificatePassword" }?["value"] as? String == "<redacted>")
            }
        }
        #expect(listed == Set(Setting.all.map(\.key)))
    }

    /// A secret in the environment or a file never reaches a trace-level log.
    @Test func aSecretNeverReachesATraceLog() throws {
        let file = Scratch.url("secrets", suffix: ".conf")
        try "TSYS_SETTLE_PROXY_PASSWORD=file-secret-789\n".write(to: file, atomically: true, encoding: .utf8)
        let environment = CLIRunner.sampleIds.merging([
            "TSYS_SETTLE_LEDGER_KEY": String(repeating: "ab", count: 32), "TSYS_SETTLE_CLIENT_CERT_PASSWORD": "environment-secret-012",
        ]) { $1 }
        let result = try CLIRunner.run(
            ["send", "examples/retail.json", "--log-level", "trace", "--trace", "--config", file.path], environment: environment)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.contains("<ENQ>"))
        for secret in ["file-secret-789", "environment-secret-012", String(repeating: "ab", count: 32)] {
            #expect(!result.errors.contains(secret) && !result.output.contains(secret))
        }
    }

    // MARK: README

    /// README's configuration table names every setting that has a variable, by its flag
    /// and variable, and nothing else.
    @Test func readmesConfigurationTableMatchesTheCatalogue() throws {
        let readme = try String(contentsOf: CLIRunner.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Configuration").dropFirst().first?.components(separatedBy: "\n## ").first)
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("TSYS_SETTLE_") }
        let named = Set(rows.flatMap { $0.matches(of: /TSYS_SETTLE_[A-Z0-9_]+/).map { String($0.output) } })
        let declared = Set(Setting.all.compactMap(\.environment))
        #expect(
            named == declared, "README lacks \(declared.subtracting(named).sorted()); README has undeclared \(named.subtracting(declared).sorted())")
        for setting in Setting.all {
            guard let name = setting.environment, let flag = setting.flag else { continue }
            let row = rows.first { $0.contains("`\(name)`") }
            #expect(row?.contains("`--\(flag)") == true, "README's row for \(name) does not show --\(flag)")
        }
    }
}
