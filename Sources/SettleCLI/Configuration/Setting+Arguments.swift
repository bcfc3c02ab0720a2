import ArgumentParser
import SettleSettings

/// How ArgumentParser shows a setting's flag.
extension Setting {
    /// The help ArgumentParser shows for the flag: the text, the variable and the default.
    var argumentHelp: ArgumentHelp {
        var text = help
        if let environment { text += " [env: \(environment)]" }
        if let defaultValue { text += " (default \(defaultValue))" }
        return ArgumentHelp(text)
    }

    /// The option's name for ArgumentParser.
    var name: NameSpecification { .customLong(flag ?? key) }
}
