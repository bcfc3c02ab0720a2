import ArgumentParser
import Foundation
import SettleSettings

/// `tsys-settle config [COMMAND] [FLAGS…]`: the settings a command would run with, each with
/// the source its value came from (flag, environment variable, file and line, default);
/// secrets show as `<redacted>`.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the effective settings of serve (or the command named), each with its source; secrets redacted.",
        discussion: "Flags after the command name are read as that command would read them: tsys-settle config serve --listen-port 9090")

    @Flag(help: "Print JSON.") var json = false
    @Argument(help: "serve (default), send, validate, encode, simulate or settlements.") var command = "serve"
    @Argument(parsing: .captureForPassthrough, help: "The command's flags.") var flags: [String] = []

    /// The commands, and the arguments a parse needs besides the flags (a document's path).
    static let commands: [String: (type: any ConfiguredCommand.Type, placeholders: [String])] = [
        "serve": (ServeCommand.self, []), "send": (SendCommand.self, ["-"]), "validate": (ValidateCommand.self, ["-"]),
        "encode": (EncodeCommand.self, ["-"]), "simulate": (SimulateCommand.self, []), "settlements": (SettlementsListCommand.self, []),
    ]

    struct Line: Encodable {
        var key: String
        var flag: String?
        var environment: String?
        var value: String?
        var source: String?
        var secret: Bool
    }

    func run() throws {
        guard let (type, placeholders) = Self.commands[command] else {
            throw CLIError("config knows the commands \(Self.commands.keys.sorted().joined(separator: ", ")), not '\(command)'")
        }
        let settings = try type.parse(placeholders + flags).settings()
        let lines = settings.settings.map { setting in
            Line(
                key: setting.key, flag: setting.flag.map { "--" + $0 }, environment: setting.environment, value: settings.printed(setting),
                source: settings.source(of: setting)?.description, secret: setting.isSecret)
        }
        if json {
            struct Listing: Encodable {
                var command: String
                var settings: [Line]
            }
            return try BatchFile.printJSON(Listing(command: command, settings: lines))
        }
        let width = (lines.map(\.key.count).max() ?? 0) + 2
        let valueWidth = min(40, (lines.compactMap { $0.value?.count }.max() ?? 1) + 2)
        for line in lines {
            let value = line.value ?? "-"
            print(
                line.key.padding(toLength: width, withPad: " ", startingAt: 0)
                    + value.padding(toLength: max(valueWidth, value.count + 1), withPad: " ", startingAt: 0)
                    + (line.source ?? "not set"))
        }
    }
}
