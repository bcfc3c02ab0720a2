import ArgumentParser
import Foundation
import SettleLedger

/// Where the settlement ledger lives and how long it remembers idempotency keys.
struct LedgerOptions: ParsableArguments {
    @Option(help: "Directory of the settlement ledger (ledger.sqlite), created if missing. [env: TSYS_SETTLE_DATA_DIR, default ./tsys-settle-data]")
    var dataDir: String?

    @Option(help: "Hours an Idempotency-Key is remembered (at least 24). [env: TSYS_SETTLE_IDEMPOTENCY_KEY_HOURS, default 24]")
    var idempotencyKeyHours: Int?

    @Flag(help: "Sync every settlement's ending to disk too, not only its start (about 20% fewer settlements/s). [env: TSYS_SETTLE_LEDGER_SYNC_EVERY_CHANGE=true]")
    var ledgerSyncEveryChange = false

    /// The directory in effect.
    func directory(_ source: FlagOrEnvironment = FlagOrEnvironment()) -> String {
        source.text(dataDir, "TSYS_SETTLE_DATA_DIR") ?? "tsys-settle-data"
    }

    /// The key of the ledger's request fingerprints: `TSYS_SETTLE_LEDGER_KEY` (64 hex digits, from
    /// a secret store, so that the data directory alone gives nothing away), else
    /// `fingerprint.key` in the data directory, created (0600) on first use. Replicas sharing a
    /// ledger must share the key.
    func fingerprintKey(_ source: FlagOrEnvironment = FlagOrEnvironment()) throws -> [UInt8] {
        if let configured = source.text(nil, "TSYS_SETTLE_LEDGER_KEY") {
            guard let key = Self.bytes(hex: configured), key.count >= 32 else {
                throw CLIError("TSYS_SETTLE_LEDGER_KEY must be at least 64 hex digits (openssl rand -hex 32)")
            }
            return key
        }
        let path = (directory(source) as NSString).appendingPathComponent("fingerprint.key")
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

    /// Opens (or creates) the ledger.
    func open(_ source: FlagOrEnvironment = FlagOrEnvironment()) throws -> SQLiteLedger {
        var policy = LedgerPolicy(syncsEveryChange: source.isOn(ledgerSyncEveryChange, "TSYS_SETTLE_LEDGER_SYNC_EVERY_CHANGE"))
        if let hours = try source.number(idempotencyKeyHours, .idempotencyKeyHours) {
            policy.keyRetention = .seconds(hours * 3600)
        }
        do {
            return try SQLiteLedger(directory: directory(source), policy: policy)
        } catch {
            throw CLIError(error.description)
        }
    }
}

