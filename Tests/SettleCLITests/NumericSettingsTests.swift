import ArgumentParser
import Foundation
@testable import SettleCLI
import SettleTestSupport
import Testing

/// Every whole-number setting refuses, at start and by name, each value it cannot take: the
/// ends of Int64, -1, 0 and one past each end of its range, from a flag and from the
/// environment (and so from the configuration file), and text that is not a number (issue 10).
@Suite struct NumericSettingsTests {
    /// The flags of every whole-number option in a parsed command, its option groups included,
    /// found by reflection: an option added later is held to the settings' table without
    /// anyone listing it here.
    static func numericFlags(_ value: Any) -> Set<String> {
        var flags: Set<String> = []
        for child in Mirror(reflecting: value).children {
            let type = String(describing: Swift.type(of: child.value))
            if type == "Option<Int>" || type == "Option<Optional<Int>>", let label = child.label {
                flags.insert("--" + label.dropFirst().flatMap { $0.isUppercase ? "-" + $0.lowercased() : String($0) }.joined())
            } else if !(child.value is String) {
                flags.formUnion(numericFlags(child.value))
            }
        }
        return flags
    }

    @Test func everyWholeNumberOptionIsADeclaredSetting() throws {
        let serve = Set(NumericSetting.server.map(\.flag))
        #expect(Self.numericFlags(try ServeCommand.parse([])) == serve)
        #expect(Self.numericFlags(try SendCommand.parse(["batch.json"])).isSubset(of: serve))
        #expect(Self.numericFlags(try SimulateCommand.parse([])) == Set(NumericSetting.simulator.map(\.flag)))
        #expect(Self.numericFlags(try SettlementsListCommand.parse([])) == [NumericSetting.listLimit.flag, NumericSetting.idempotencyKeyHours.flag])
        #expect(Self.numericFlags(try ServeCommand.parse([])).count > 15)
    }

    /// The values a setting is given: out of its range, and not numbers at all.
    static func refusedValues(_ setting: NumericSetting) -> [String] {
        let range = setting.range
        let numbers = [Int.max, Int.min, -1, 0, range.lowerBound - 1, range.upperBound + 1].filter { !range.contains($0) }
        return Array(Set(numbers.map(String.init))).sorted() + ["99999999999999999999", "80x"]
    }

    /// Runs the command with `arguments` and `environment`; a command still running after 20 s
    /// has started instead of refusing, and is stopped.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = CLIRunner.root
        process.environment = CLIRunner.sampleIds.merging(environment) { $1 }.merging(["PATH": "/usr/bin:/bin"]) { $1 }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return (-1, "still running after 20 s")
        }
        return (process.terminationStatus, String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    static func serve() -> [String] { ["serve", "--listen-port", "0", "--data-dir", Scratch.url("settings-data").path] }

    @Test(arguments: NumericSetting.server.map(\.flag))
    func aServeSettingRefusesEveryValueItCannotTakeByName(flag: String) throws {
        let setting = try #require(NumericSetting.server.first { $0.flag == flag })
        // --listen-port is the one the test sets itself; its value wins when repeated.
        for value in Self.refusedValues(setting) {
            if Int(value) != nil || setting.environment == nil {
                let result = try Self.run(Self.serve() + ["\(flag)=\(value)"])
                #expect(result.status == 1 || result.status == 64, "\(flag)=\(value): \(result.errors)")
                #expect(result.errors.contains(flag), "\(flag)=\(value): \(result.errors)")
            }
            if let name = setting.environment, flag != NumericSetting.listenPort.flag {
                let result = try Self.run(Self.serve(), environment: [name: value])
                #expect(result.status == 1, "\(name)=\(value): \(result.errors)")
                #expect(result.errors.contains(name), "\(name)=\(value): \(result.errors)")
            }
        }
    }

    @Test func theListenPortFromTheEnvironmentIsRefusedByNameToo() throws {
        for value in Self.refusedValues(.listenPort) {
            let result = try Self.run(["serve", "--data-dir", Scratch.url("settings-data").path], environment: ["TSYS_SETTLE_LISTEN_PORT": value])
            #expect(result.status == 1, "\(value): \(result.errors)")
            #expect(result.errors.contains("TSYS_SETTLE_LISTEN_PORT"), "\(value): \(result.errors)")
        }
    }

    @Test(arguments: NumericSetting.simulator.map(\.flag))
    func aSimulatorSettingRefusesEveryValueItCannotTakeByName(flag: String) throws {
        let setting = try #require(NumericSetting.simulator.first { $0.flag == flag })
        for value in Self.refusedValues(setting) where Int(value) != nil || value == "80x" {
            let result = try Self.run(["simulate", "--port", "0", "\(flag)=\(value)"])
            #expect(result.status == 1 || result.status == 64, "\(flag)=\(value): \(result.errors)")
            #expect(result.errors.contains(flag), "\(flag)=\(value): \(result.errors)")
        }
    }

    @Test func theListLimitRefusesEveryValueItCannotTakeByName() throws {
        for value in Self.refusedValues(.listLimit) {
            let result = try Self.run(["settlements", "list", "--data-dir", Scratch.url("settings-data").path, "--limit=\(value)"])
            #expect(result.status == 1 || result.status == 64, "--limit=\(value): \(result.errors)")
            #expect(result.errors.contains("--limit"), "--limit=\(value): \(result.errors)")
        }
    }

    /// A configuration file's number is read as the environment's is.
    @Test func aConfigurationFilesNumberIsRefusedByName() throws {
        let file = Scratch.url("config", suffix: ".conf")
        try "TSYS_SETTLE_CONNECTION_TIMEOUT=9223372036854775807\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try Self.run(Self.serve() + ["--config", file.path])
        #expect(result.status == 1)
        #expect(result.errors.contains("TSYS_SETTLE_CONNECTION_TIMEOUT"))
    }
}
