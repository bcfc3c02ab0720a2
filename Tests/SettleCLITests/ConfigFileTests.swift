import Foundation
import SettleSettings
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
        #expect(
            try CLIRunner.run(["validate", "examples/retail.json", "--config", path], environment: ["TSYS_SETTLE_DEVELOPER_ID": "003318"]).status == 0
        )
        #expect(try CLIRunner.run(["validate", "examples/retail.json", "--config", path, "--developer-id", "003318"], environment: [:]).status == 0)
    }

    @Test func aMisspelledSettingIsAnErrorNamingTheLine() throws {
        let path = try file("TSYS_SETTLE_DEVELOPER_ID=003318\nTSYS_SETTLE_PROCESOR=tsys-live\n")
        let result = try CLIRunner.run(["validate", "examples/retail.json", "--config", path], environment: [:])
        #expect(result.status == 1)
        #expect(result.errors.contains(":2: unknown setting TSYS_SETTLE_PROCESOR"))
    }

    /// Lines ending in CRLF (a file saved on Windows) read as LF lines do.
    @Test func aFileWithWindowsLineEndingsReadsTheSame() throws {
        let path = try file("# ids\r\nTSYS_SETTLE_DEVELOPER_ID=003318\r\nTSYS_SETTLE_APPLICATION_ID=A001\r\n")
        let result = try CLIRunner.run(["validate", "examples/retail.json", "--config", path], environment: [:])
        #expect(result.status == 0, "\(result.errors)")
        let malformed = try file("TSYS_SETTLE_DEVELOPER_ID=003318\r\nTSYS_SETTLE_COMBINE_RECORDS=maybe\r\n")
        let refused = try CLIRunner.run(["validate", "examples/retail.json", "--config", malformed], environment: [:])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("\(malformed):2 (TSYS_SETTLE_COMBINE_RECORDS)"), "\(refused.errors)")
    }

    /// Every name is declared once, in the catalogue: nothing else in the sources reads a
    /// variable of its own (which would bypass the file, the parsing rules and `config`).
    @Test func noSourceFileButTheCatalogueNamesAVariable() throws {
        let sources = CLIRunner.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        #expect(files.count > 100)
        for name in files where !name.hasSuffix("Setting+Catalogue.swift") && !name.hasSuffix("OpenAPISpecification.swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(name), encoding: .utf8)
            #expect(text.firstMatch(of: /TSYS_SETTLE_[A-Z0-9_]+/) == nil, "\(name) names a variable outside the catalogue")
        }
    }
}
