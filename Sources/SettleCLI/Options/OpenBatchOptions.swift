import ArgumentParser
import Foundation
import SettleAPI
import SettleLedger
import SettleSettings
import SettleVault

/// Merchants' open batches: the keys card numbers are sealed with, how long they are kept, and
/// how a close is settled.
struct OpenBatchOptions: ParsableArguments {
    @Option(name: Setting.cardDataKeyFile.name, help: Setting.cardDataKeyFile.argumentHelp) var cardDataKeyFile: String?
    @Option(name: Setting.cardDataRetentionDays.name, help: Setting.cardDataRetentionDays.argumentHelp) var cardDataRetentionDays: String?
    @Option(name: Setting.closeBatchSize.name, help: Setting.closeBatchSize.argumentHelp) var closeBatchSize: String?
    @Flag(name: Setting.dropRejectedCaptures.name, inversion: .prefixedNo, help: Setting.dropRejectedCaptures.argumentHelp)
    var dropRejectedCaptures: Bool?

    var flags: GivenFlags {
        var given = GivenFlags()
        given[.cardDataKeyFile] = cardDataKeyFile
        given[.cardDataRetentionDays] = cardDataRetentionDays
        given[.closeBatchSize] = closeBatchSize
        given.switched(.dropRejectedCaptures, dropRejectedCaptures)
        return given
    }

    /// The card data keys in effect: ``Setting/cardDataKey`` (from a secret store), else the key
    /// file, else `card-data.key` in the data directory, made (0600) on first use by a ledger one
    /// process owns. Replicas sharing a ledger must share the keys, so they must configure them:
    /// without, nil (captures are refused; settlements go on).
    static func keyring(_ settings: EffectiveSettings) throws -> CardDataKeyring? {
        do {
            switch (settings.text(.cardDataKey), settings.text(.cardDataKeyFile)) {
            case (.some, .some):
                throw CLIError("set \(Setting.cardDataKey) or \(Setting.cardDataKeyFile), not both")
            case (let keys?, nil):
                return try CardDataKeyring(parsing: keys)
            case (nil, let path?):
                return try CardDataKeyring.load(file: path)
            case (nil, nil):
                // Replicas must open what another sealed: a file key would be one replica's own.
                guard settings.text(.ledgerUrl) == nil else { return nil }
                let path = (LedgerOptions.directory(settings) as NSString).appendingPathComponent("card-data.key")
                if FileManager.default.fileExists(atPath: path) { return try CardDataKeyring.load(file: path) }
                let keyring = CardDataKeyring(current: try CardDataKey.generate())
                guard
                    FileManager.default.createFile(
                        atPath: path, contents: Data((keyring.current.hex + "\n").utf8), attributes: [.posixPermissions: 0o600])
                else { throw CLIError("cannot write \(path)") }
                return keyring
            }
        } catch let error as VaultError {
            throw CLIError(error.message)
        }
    }

    /// Refuses a keyring that cannot open the card numbers the ledger holds: a process that
    /// started with it could not settle those captures.
    static func check(_ keyring: CardDataKeyring?, against ledger: some CaptureLedger) throws {
        let stored = try ledger.cardDataKeyIDs()
        let held = keyring?.keys.map(\.id) ?? []
        let missing = stored.subtracting(held)
        guard missing.isEmpty else {
            throw CLIError(
                "captured card numbers in the ledger are sealed under card data key \(missing.sorted().joined(separator: ", ")), which the configured keys (\(held.isEmpty ? "none" : held.joined(separator: ", "))) do not include: configure the key they were sealed with (\(Setting.cardDataKey) or \(Setting.cardDataKeyFile), the current key first), or those captures cannot be settled"
            )
        }
    }

    /// How closes are settled.
    static func closeSettings(_ settings: EffectiveSettings) -> CloseSettings {
        CloseSettings(
            batchSize: settings.number(.closeBatchSize) ?? 100, dropsRejectedCaptures: settings.isOn(.dropRejectedCaptures),
            retentionDays: settings.number(.cardDataRetentionDays) ?? 14)
    }
}
