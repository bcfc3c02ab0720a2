/// Why card data could not be sealed, opened or keyed: a stable code, and a message that never
/// holds key material or a card number.
public struct VaultError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// A key that is not 32 bytes written as 64 hex digits.
        case malformedKey = "malformed-key"
        /// A key file others may read, or that cannot be read.
        case unsafeKeyFile = "unsafe-key-file"
        /// Sealed under a key the keyring does not hold.
        case unknownKey = "unknown-key"
        /// Not sealed text, or altered: authentication failed.
        case tampered
        /// OpenSSL refused an operation.
        case cipherFailed = "cipher-failed"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
