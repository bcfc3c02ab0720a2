import ArgumentParser

/// `tsys-settle keys`: card data keys made and rotated.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Make a card data key; seal every stored card number again under the current key (rotation).",
        subcommands: [KeysNewCommand.self, KeysRotateCommand.self])
}
