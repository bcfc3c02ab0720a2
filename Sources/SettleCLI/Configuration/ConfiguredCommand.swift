import ArgumentParser
import Foundation
import SettleSettings

/// A command that reads settings: its settings are the catalogue's list under its name, and
/// its option groups hand over the flags the user typed.
protocol ConfiguredCommand: ParsableCommand {
    /// The command's name in ``Setting/byCommand`` (and for `tsys-settle config`).
    static var settingsName: String { get }
    var givenFlags: GivenFlags { get }
}

extension ConfiguredCommand {
    /// The command's settings, resolved and checked; the first malformed value stops it here.
    func settings(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> EffectiveSettings {
        try EffectiveSettings(Setting.byCommand[Self.settingsName] ?? [], flags: givenFlags, environment: environment)
    }
}
