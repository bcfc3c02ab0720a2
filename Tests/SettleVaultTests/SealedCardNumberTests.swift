import Foundation
import SettleTestSupport
import Testing

@testable import SettleVault

/// Card numbers sealed with AES-256-GCM: they open with the key that sealed them, bound to their
/// row; altered, moved or keyed wrongly they do not; the stored text holds no digits of the number.
@Suite struct SealedCardNumberTests {
    static let pan = "4111111111111111"

    func keyring() throws -> CardDataKeyring { CardDataKeyring(current: try CardDataKey.generate()) }

    @Test func aSealedNumberOpensWithItsKeyAndRowAndHoldsNoDigitsOfIt() throws {
        let keyring = try keyring()
        let sealed = try SealedCardNumber.seal(Self.pan, context: "cap_1", keyring: keyring)
        #expect(try sealed.open(context: "cap_1", keyring: keyring) == Self.pan)
        #expect(sealed.keyID == keyring.current.id && sealed.text.hasPrefix("v1.\(keyring.current.id)."))
        #expect(!sealed.text.contains("4111") && !sealed.text.contains("1111"))
        // A nonce of its own each time: the same number seals to different text.
        #expect(try SealedCardNumber.seal(Self.pan, context: "cap_1", keyring: keyring).text != sealed.text)
    }

    @Test func anAlteredOrMovedValueDoesNotOpen() throws {
        let keyring = try keyring()
        let sealed = try SealedCardNumber.seal(Self.pan, context: "cap_1", keyring: keyring)
        #expect(throws: VaultError.self) { try sealed.open(context: "cap_2", keyring: keyring) }
        var bytes = Array(Data(base64Encoded: String(sealed.text.split(separator: ".")[2]))!)
        for index in [0, 12, bytes.count - 1] {
            var altered = bytes
            altered[index] ^= 1
            let text = "v1.\(keyring.current.id).\(Data(altered).base64EncodedString())"
            #expect(throws: VaultError.self) { try SealedCardNumber(text: text).open(context: "cap_1", keyring: keyring) }
        }
        bytes.removeLast()
        let truncated = SealedCardNumber(text: "v1.\(keyring.current.id).\(Data(bytes).base64EncodedString())")
        #expect(throws: VaultError.self) { try truncated.open(context: "cap_1", keyring: keyring) }
        #expect(throws: VaultError.self) { try SealedCardNumber(text: "4111111111111111").open(context: "cap_1", keyring: keyring) }
    }

    @Test func anotherKeyringCannotOpenItAndSaysWhichKeyIsMissing() throws {
        let sealed = try SealedCardNumber.seal(Self.pan, context: "cap_1", keyring: try keyring())
        let other = try keyring()
        do {
            _ = try sealed.open(context: "cap_1", keyring: other)
            Issue.record("opened under another key")
        } catch {
            #expect(error.code == .unknownKey && error.message.contains(sealed.keyID ?? "?"))
        }
    }

    /// Rotation: the new key seals, the old one still opens what it sealed until it is sealed again.
    @Test func aRotatedKeyringOpensOldValuesAndResealsThemUnderTheNewKey() throws {
        let old = try CardDataKey.generate(), new = try CardDataKey.generate()
        let sealed = try SealedCardNumber.seal(Self.pan, context: "cap_1", keyring: CardDataKeyring(current: old))
        let rotated = CardDataKeyring(current: new, older: [old])
        #expect(try sealed.open(context: "cap_1", keyring: rotated) == Self.pan)
        let resealed = try sealed.resealed(context: "cap_1", keyring: rotated)
        #expect(resealed.keyID == new.id)
        #expect(try resealed.open(context: "cap_1", keyring: CardDataKeyring(current: new)) == Self.pan)
    }

    /// The cipher against test case 16 of the GCM specification (McGrew and Viega: AES-256, a
    /// 96-bit IV, associated data), the expected text as Python's `cryptography` package also gives it.
    @Test func theCipherIsAES256GCMAsPublished() throws {
        func bytes(_ hex: String) -> [UInt8] {
            stride(from: 0, to: hex.count, by: 2).map { UInt8(hex.dropFirst($0).prefix(2), radix: 16)! }
        }
        let key = bytes("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308")
        let plaintext = bytes(
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39")
        let aad = bytes("feedfacedeadbeeffeedfacedeadbeefabaddad2"), nonce = bytes("cafebabefacedbaddecaf888")
        let sealed = try GCM.run(encrypting: true, key: key, nonce: nonce, aad: aad, input: plaintext)
        #expect(
            sealed.output
                == bytes(
                    "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"))
        #expect(sealed.tag == bytes("76fc6ece0f4e1768cddf8853bb2d551b"))
        let opened = try GCM.run(encrypting: false, key: key, nonce: nonce, aad: aad, input: sealed.output, tag: sealed.tag)
        #expect(opened.output == plaintext)
    }

    @Test(arguments: ["", "abc", String(repeating: "0", count: 64), String(repeating: "g", count: 64), String(repeating: "ab", count: 31)])
    func aMalformedKeyIsRefused(text: String) {
        #expect(throws: VaultError.self) { try CardDataKey(hex: text) }
    }

    @Test func aKeyNeverPrints() throws {
        let key = try CardDataKey.generate()
        #expect(!"\(key)".contains(key.hex) && !"\(CardDataKeyring(current: key))".contains(key.hex))
    }

    @Test func aKeyFileOthersMayReadIsRefused() throws {
        let directory = Scratch.url("vault")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("card-data.key").path
        let keys = [try CardDataKey.generate(), try CardDataKey.generate()]
        #expect(
            FileManager.default.createFile(
                atPath: file, contents: Data((keys.map(\.hex).joined(separator: "\n") + "\n").utf8), attributes: [.posixPermissions: 0o644]))
        #expect(throws: VaultError.self) { try CardDataKeyring.load(file: file) }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        let keyring = try CardDataKeyring.load(file: file)
        #expect(keyring.current.id == keys[0].id && keyring.keys.map(\.id) == keys.map(\.id))
        #expect(throws: VaultError.self) { try CardDataKeyring.load(file: directory.appendingPathComponent("missing").path) }
    }
}

/// The keyed hash finds the same card under the same key only, and shows nothing of the number.
@Suite struct CardNumberHashTests {
    @Test func theSameNumberHashesAlikeUnderOneKeyAndApartUnderAnother() throws {
        let key = try CardDataKey.generate(), other = try CardDataKey.generate()
        let a = CardNumberHash.of("4111111111111111", key: key)
        #expect(a == CardNumberHash.of("4111111111111111", key: key))
        #expect(a.hex != CardNumberHash.of("4111111111111112", key: key).hex)
        #expect(a.hex != CardNumberHash.of("4111111111111111", key: other).hex && a.keyID == key.id)
        #expect(a.hex.count == 64 && !a.hex.contains("4111"))
    }

    @Test func theHashIsHMACUnderAKeyDerivedFromTheDataKey() throws {
        // Worked with Python's hmac: hmac(hmac(K, label), digits) for K = 00 01 .. 1f.
        let key = try CardDataKey(bytes: Array(0..<32))
        let expected = try PythonHMAC.derived(key: Array(0..<32), label: "tsys-settle card number hash v1", message: "4111111111111111")
        #expect(CardNumberHash.of("4111111111111111", key: key).hex == expected)
    }
}

/// Python's `hmac`, as an independent implementation to check against.
enum PythonHMAC {
    static func derived(key: [UInt8], label: String, message: String) throws -> String {
        let script = """
            import hmac, hashlib, sys
            k = bytes(range(32))
            d = hmac.new(k, b"\(label)", hashlib.sha256).digest()
            print(hmac.new(d, b"\(message)", hashlib.sha256).hexdigest())
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        return String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
