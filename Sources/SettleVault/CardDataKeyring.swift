import Foundation

/// The data keys in use: the first seals, every one opens what it sealed (so a rotation keeps
/// older values readable until they are sealed again under the new key).
public struct CardDataKeyring: Sendable, CustomStringConvertible {
    public let current: CardDataKey
    public let keys: [CardDataKey]

    public init(current: CardDataKey, older: [CardDataKey] = []) {
        self.current = current
        var keys = [current]
        for key in older where !keys.contains(where: { $0.id == key.id }) { keys.append(key) }
        self.keys = keys
    }

    /// Keys as 64 hex digits each, separated by white space or new lines, the current one first.
    public init(parsing text: String) throws(VaultError) {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "," }).map(String.init)
        guard let first = words.first else { throw VaultError(.malformedKey, "no card data key given (openssl rand -hex 32)") }
        var older: [CardDataKey] = []
        for word in words.dropFirst() { older.append(try CardDataKey(hex: word)) }
        self.init(current: try CardDataKey(hex: first), older: older)
    }

    /// The keys in `path`, which only its owner may read or write (0600, as for SSH keys).
    public static func load(file path: String) throws(VaultError) -> CardDataKeyring {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw VaultError(.unsafeKeyFile, "the card data key file \(path) cannot be read")
        }
        let mode = (attributes[.posixPermissions] as? Int) ?? 0o777
        guard mode & 0o077 == 0 else {
            throw VaultError(
                .unsafeKeyFile, "the card data key file \(path) may be read by others (mode \(String(mode, radix: 8))): chmod 600 \(path)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VaultError(.unsafeKeyFile, "the card data key file \(path) cannot be read")
        }
        return try CardDataKeyring(parsing: String(decoding: data, as: UTF8.self))
    }

    public func key(id: String) -> CardDataKey? { keys.first { $0.id == id } }

    public var description: String { "card data keyring: \(keys.map(\.id).joined(separator: ", ")) (current \(current.id))" }
}
