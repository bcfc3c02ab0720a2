import ArgumentParser
import SettleSettings
import SettleVault

/// `tsys-settle keys new`: a new card data key (64 hex digits) for a secret store.
struct KeysNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Print a new card data key (64 hex digits) for \(Setting.cardDataKey) or the key file.")

    func run() throws {
        do {
            print(try CardDataKey.generate().hex)
        } catch {
            throw CLIError(error.message)
        }
    }
}
