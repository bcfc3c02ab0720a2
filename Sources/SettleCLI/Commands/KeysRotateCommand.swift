import ArgumentParser
import Foundation
import SettleLedger
import SettleSettings
import SettleVault

/// `tsys-settle keys rotate`: every card number the ledger still holds sealed again under the
/// current card data key, and hashed under it. Safe while `serve` runs: configure every replica
/// with the new key first and the old one after it, rotate, then drop the old key.
struct KeysRotateCommand: ConfiguredCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate",
        abstract: "Seal every stored card number again under the current card data key (the first configured; older ones still open).")

    @OptionGroup var configFile: ConfigFileOption
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var openBatches: OpenBatchOptions

    static let settingsName = "keys"
    var givenFlags: GivenFlags { configFile.flags.merging(ledger.flags).merging(openBatches.flags) }

    func run() throws {
        let settings = try settings()
        guard let keyring = try OpenBatchOptions.keyring(settings) else {
            throw CLIError("configure the card data keys, \(Setting.cardDataKey) or \(Setting.cardDataKeyFile): the new key first, then the old")
        }
        do {
            let ledger = try LedgerOptions.open(settings)
            try OpenBatchOptions.check(keyring, against: ledger)
            var resealed = 0, after: String?
            while true {
                let page = try ledger.sealedCardNumbers(notUnder: keyring.current.id, after: after, limit: 200)
                guard let last = page.last else { break }
                after = last.id
                for (id, text) in page {
                    let sealed = SealedCardNumber(text: text)
                    let digits = try sealed.open(context: id, keyring: keyring)
                    let new = try SealedCardNumber.seal(digits, context: id, keyring: keyring)
                    let hash = CardNumberHash.of(digits, key: keyring.current)
                    // Erased or voided meanwhile: nothing left to seal.
                    if try ledger.resealCardNumber(id, from: text, to: new.text, keyID: keyring.current.id, hash: hash.hex, hashKeyID: hash.keyID) {
                        resealed += 1
                    }
                }
            }
            print("sealed \(resealed) card number\(resealed == 1 ? "" : "s") again under card data key \(keyring.current.id)")
        } catch let error as LedgerError {
            throw CLIError(error.description)
        } catch let error as VaultError {
            throw CLIError(error.message)
        }
    }
}
