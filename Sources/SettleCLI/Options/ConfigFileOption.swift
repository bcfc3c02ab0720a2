import ArgumentParser
import SettleSettings

/// `--config PATH`: the configuration file, in every command that reads settings.
struct ConfigFileOption: ParsableArguments {
    @Option(name: Setting.config.name, help: Setting.config.argumentHelp) var config: String?

    var flags: GivenFlags {
        var given = GivenFlags()
        given[.config] = config
        return given
    }
}
