import Foundation
import SettleTestSupport
import Testing

/// The configuration file: fills in what flags and the environment leave unset, refuses typos.
@Suite struct ConfigFileTests {
    func file(_ text: String) throws -> String {
        let url = Scratch.url("config", suffix: ".conf")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func aFileSuppliesSettingsTheEnvironmentLacks() throws {
        let path = try file("# certification ids\nTSYS_SETTLE_DEVELOPER_ID=003318\nTSYS_SETTLE_APPLICATION_ID = A001\n")
        #expect(try CLIRunner.run(["validate", "examples/retail.json"], environment: [:]).status == 1)
        #expect(try CLIRunner.run(["validate", "examples/retail.json", "--config", path], environment: [:]).status == 0)
        #expect(try CLIRunner.run(["validate", "examples/retail.json"], environment: ["TSYS_SETTLE_CONFIG": path]).status == 0)
    }

    @Test func theEnvironmentAndFlagsWinOverTheFile() throws {
        let path = try file("TSYS_SETTLE_DEVELOPER_ID=not-valid!\nTSYS_SETTLE_APPLICATION_ID=A001\n")
        #expect(try CLIRunner.run(["validate", "examples/retail.json", "--config", path], environment: [:]).status == 1)
        #expect(try CLIRunner.run(["validate", "examples/retail.json", "--config", path], environment: ["TSYS_SETTLE_DEVELOPER_ID": "003318"]).status == 0)
        #expect(try CLIRunner.run(["validate", "examples/retail.json", "--config", path, "--developer-id", "003318"], environment: [:]).status == 0)
    }

    @Test func aMisspelledSettingIsAnErrorNamingTheLine() throws {
        let path = try file("TSYS_SETTLE_DEVELOPER_ID=003318\nTSYS_SETTLE_PROCESOR=tsys-live\n")
        let result = try CLIRunner.run(["validate", "examples/retail.json", "--config", path], environment: [:])
        #expect(result.status == 1)
        #expect(result.errors.contains(":2: unknown setting TSYS_SETTLE_PROCESOR"))
    }

    @Test func everyNameTheCLIReadsIsAcceptedInAFile() throws {
        let sources = CLIRunner.root.appendingPathComponent("Sources/SettleCLI")
        var used: Set<String> = []
        var accepted: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: sources.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(name), encoding: .utf8)
            let names = Set(text.matches(of: /TSYS_SETTLE_[A-Z0-9_]+/).map { String($0.output) })
            if name == "ConfigFile.swift" { accepted = names } else { used.formUnion(names) }
        }
        #expect(!used.isEmpty)
        #expect(used.subtracting(accepted).isEmpty, "missing from ConfigFile.names: \(used.subtracting(accepted).sorted())")
    }
}
