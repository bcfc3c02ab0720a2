import ArgumentParser
import Foundation
import SettleLedger
import SettleSettings

/// Where the settlement ledger lives and how long it remembers idempotency keys.
struct LedgerOptions: ParsableArguments {
    @Option(name: Setting.dataDirectory.name, help: Setting.dataDirectory.argumentHelp) var dataDir: String?
    @Option(name: Setting.ledgerUrl.name, help: Setting.ledgerUrl.argumentHelp) var ledgerUrl: String?
    @Option(name: Setting.ledgerConnections.name, help: Setting.ledgerConnections.argumentHelp) var ledgerConnections: String?
    @Option(name: Setting.ledgerLeaseSeconds.name, help: Setting.ledgerLeaseSeconds.argumentHelp) var ledgerLeaseSeconds: String?
    @Option(name: Setting.idempotencyKeyHours.name, help: Setting.idempotencyKeyHours.argumentHelp) var idempotencyKeyHours: String?
    @Flag(name: Setting.ledgerSyncEveryChange.name, inversion: .prefixedNo, help: Setting.ledgerSyncEveryChange.argumentHelp)
    var ledgerSyncEveryChange: Bool?

    var flags: GivenFlags {
        var given = GivenFlags()
        given[.dataDirectory] = dataDir
        given[.ledgerUrl] = ledgerUrl
        given[.ledgerConnections] = ledgerConnections
        given[.ledgerLeaseSeconds] = ledgerLeaseSeconds
        given[.idempotencyKeyHours] = idempotencyKeyHours
        given.switched(.ledgerSyncEveryChange, ledgerSyncEveryChange)
        return given
    }

    /// The directory in effect.
    static func directory(_ settings: EffectiveSettings) -> String {
        settings.text(.dataDirectory) ?? "tsys-settle-data"
    }

    /// The key of the ledger's request fingerprints: ``Setting/ledgerKey`` (64 hex digits, from
    /// a secret store, so that the data directory alone gives nothing away), else
    /// `fingerprint.key` in the data directory, created (0600) on first use. Replicas sharing a
    /// ledger must share the key.
    static func fingerprintKey(_ settings: EffectiveSettings) throws -> [UInt8] {
        if let configured = settings.text(.ledgerKey) {
            guard let key = Self.bytes(hex: configured), key.count >= 32 else {
                throw CLIError("\(Setting.ledgerKey) must be at least 64 hex digits (openssl rand -hex 32)")
            }
            return key
        }
        // Replicas must tell a retry from another request alike: a file key is one replica's own.
        if settings.text(.ledgerUrl) != nil {
            throw CLIError(
                "\(Setting.ledgerUrl) is set: give every replica the same \(Setting.ledgerKey) (openssl rand -hex 32), so a retry under an idempotency key is recognised whichever replica takes it"
            )
        }
        let path = (directory(settings) as NSString).appendingPathComponent("fingerprint.key")
        if let text = FileManager.default.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) }) {
            guard let key = Self.bytes(hex: text.trimmingCharacters(in: .whitespacesAndNewlines)), key.count >= 32 else {
                throw CLIError("\(path) is not a fingerprint key (64 hex digits)")
            }
            return key
        }
        var generator = SystemRandomNumberGenerator()
        let key = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let text = key.map { String(format: "%02x", $0) }.joined() + "\n"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CLIError("cannot write \(path)")
        }
        return key
    }

    static func bytes(hex text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }

    /// How long a replica's lease lasts unless renewed.
    static func leaseDuration(_ settings: EffectiveSettings) -> Duration {
        .seconds(settings.number(.ledgerLeaseSeconds) ?? 30)
    }

    /// Opens (or creates) the ledger: PostgreSQL when a ledger URL is set, else SQLite in the data directory.
    static func open(_ settings: EffectiveSettings) throws -> DatabaseLedger {
        var policy = LedgerPolicy(syncsEveryChange: settings.isOn(.ledgerSyncEveryChange))
        if let hours = settings.number(.idempotencyKeyHours) {
            policy.keyRetention = .seconds(hours * 3600)
        }
        do {
            if let url = settings.text(.ledgerUrl) {
                guard PostgresLedger.isPostgresURL(url) else {
                    throw CLIError("\(Setting.ledgerUrl) must be a postgresql:// URL, got \(PostgresLedger.redacted(url: url))")
                }
                return try PostgresLedger(url: url, policy: policy, connections: settings.number(.ledgerConnections) ?? 8)
            }
            return try SQLiteLedger(directory: directory(settings), policy: policy)
        } catch let error as LedgerError {
            throw CLIError(error.description)
        }
    }
}
