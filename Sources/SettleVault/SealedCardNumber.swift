import COpenSSL
import Foundation
import SettleCrypto

/// A card number sealed with AES-256-GCM (OpenSSL EVP): `v1.<key id>.<base64 of nonce,
/// ciphertext and tag>`. The nonce is 12 random bytes per value; the tag (16 bytes) authenticates
/// the ciphertext and the associated data (the row it belongs to), so a value copied to another
/// row, or altered, does not open.
public struct SealedCardNumber: Sendable, Hashable, CustomStringConvertible {
    /// The text stored.
    public let text: String

    public init(text: String) { self.text = text }

    /// The key that sealed it, by id.
    public var keyID: String? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0] == "v1" ? String(parts[1]) : nil
    }

    /// Seals `plaintext` under `keyring`'s current key, bound to `context` (a row's id).
    public static func seal(_ plaintext: String, context: String, keyring: CardDataKeyring) throws(VaultError) -> SealedCardNumber {
        guard let nonce = SecureRandom.bytes(12) else { throw VaultError(.cipherFailed, "OpenSSL could not make a nonce") }
        let sealed = try GCM.run(encrypting: true, key: keyring.current.bytes, nonce: nonce, aad: Array(context.utf8), input: Array(plaintext.utf8))
        return SealedCardNumber(text: "v1.\(keyring.current.id).\(Data(nonce + sealed.output + sealed.tag).base64EncodedString())")
    }

    /// Opens it with the key that sealed it; throws when the keyring lacks that key, or when the
    /// value or its context was altered.
    public func open(context: String, keyring: CardDataKeyring) throws(VaultError) -> String {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "v1", let bytes = Data(base64Encoded: String(parts[2])).map(Array.init), bytes.count >= 12 + 16 + 1
        else { throw VaultError(.tampered, "not a sealed card number") }
        guard let key = keyring.key(id: String(parts[1])) else {
            throw VaultError(.unknownKey, "sealed under card data key \(parts[1]), which is not in the keyring \(keyring.keys.map(\.id))")
        }
        let nonce = Array(bytes[0..<12]), tag = Array(bytes[(bytes.count - 16)...]), ciphertext = Array(bytes[12..<(bytes.count - 16)])
        let opened = try GCM.run(encrypting: false, key: key.bytes, nonce: nonce, aad: Array(context.utf8), input: ciphertext, tag: tag)
        return String(decoding: opened.output, as: UTF8.self)
    }

    /// Sealed again under the keyring's current key (a rotation).
    public func resealed(context: String, keyring: CardDataKeyring) throws(VaultError) -> SealedCardNumber {
        guard keyID != keyring.current.id else { return self }
        return try Self.seal(try open(context: context, keyring: keyring), context: context, keyring: keyring)
    }

    public var description: String { "sealed card number (key \(keyID ?? "?"))" }
}

/// AES-256-GCM through one EVP context per call.
enum GCM {
    static func run(
        encrypting: Bool, key: [UInt8], nonce: [UInt8], aad: [UInt8], input: [UInt8], tag: [UInt8] = []
    ) throws(VaultError) -> (output: [UInt8], tag: [UInt8]) {
        guard let context = EVP_CIPHER_CTX_new() else { throw VaultError(.cipherFailed, "OpenSSL could not make a cipher context") }
        defer { EVP_CIPHER_CTX_free(context) }
        let mode: Int32 = encrypting ? 1 : 0
        var length: Int32 = 0
        var output = [UInt8](repeating: 0, count: input.count + 16)
        guard EVP_CipherInit_ex(context, EVP_aes_256_gcm(), nil, nil, nil, mode) == 1,
            EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_IVLEN, Int32(nonce.count), nil) == 1,
            EVP_CipherInit_ex(context, nil, nil, key, nonce, mode) == 1,
            aad.isEmpty || EVP_CipherUpdate(context, nil, &length, aad, Int32(aad.count)) == 1,
            EVP_CipherUpdate(context, &output, &length, input, Int32(input.count)) == 1
        else { throw VaultError(.cipherFailed, "OpenSSL refused the cipher") }
        var total = Int(length)
        var tagBytes = tag
        if !encrypting {
            guard tagBytes.count == 16,
                tagBytes.withUnsafeMutableBytes({ EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, 16, $0.baseAddress) }) == 1
            else { throw VaultError(.tampered, "the sealed value has no valid tag") }
        }
        var final: Int32 = 0
        let finished = output.withUnsafeMutableBufferPointer { buffer in
            EVP_CipherFinal_ex(context, buffer.baseAddress.map { $0 + total }, &final)
        }
        // Opening: a failed final step is a failed authentication (altered value, context or key).
        guard finished == 1 else { throw VaultError(.tampered, "the sealed value does not authenticate (altered, or another row's)") }
        total += Int(final)
        if encrypting {
            tagBytes = [UInt8](repeating: 0, count: 16)
            guard tagBytes.withUnsafeMutableBytes({ EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, 16, $0.baseAddress) }) == 1 else {
                throw VaultError(.cipherFailed, "OpenSSL gave no tag")
            }
        }
        return (Array(output.prefix(total)), tagBytes)
    }
}
