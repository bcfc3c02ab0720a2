import Foundation
import SettleModel

/// One JSON object of the settlement document being read, with its JSON pointer.
///
/// Every accessor records a problem (with the field's pointer) instead of failing, and
/// returns a placeholder, so one pass finds every problem in the document.
struct DocumentObject {
    let pointer: String
    /// Members in document order. A linear scan, not a dictionary: objects here have a few
    /// dozen members at most, and hashing every key was the largest cost in reading a batch.
    private let members: [(key: String, value: JSONValue)]
    /// Each member's ``KeySignature``, and all of them folded into one mask, so that most
    /// lookups (of the many optional fields a record does not carry) end without a string compare.
    private let signatures: [KeySignature]
    private let mask: UInt64

    init?(_ value: JSONValue, at pointer: String, _ issues: inout IssueList) {
        guard case .object(let list) = value else {
            issues.add(.invalidFormat, pointer, "must be an object, got \(value.typeName)")
            return nil
        }
        self.pointer = pointer
        let signatures = list.map { KeySignature($0.key) }
        for index in list.indices
        where signatures[..<index].indices.contains(where: { signatures[$0] == signatures[index] && list[$0].key == list[index].key }) {
            issues.add(.invalidFormat, pointer + "/" + DocumentObject.escape(list[index].key), "appears twice")
        }
        self.members = list
        self.signatures = signatures
        self.mask = signatures.reduce(0) { $0 | $1.maskBit }
    }

    func path(_ key: String) -> String { pointer + "/" + DocumentObject.escape(key) }

    /// Rejects keys the schema does not define, and says plainly that card security data is never accepted.
    func checkKeys(_ allowed: KeySet, _ issues: inout IssueList) {
        for (index, (key, _)) in members.enumerated() where !allowed.contains(key, signature: signatures[index]) {
            if DocumentObject.forbiddenKeys.contains(key.lowercased()) {
                issues.add(.missingOrErroneousValue, path(key), "card security codes, PIN blocks and track data are never accepted; remove this field")
            } else if DocumentObject.encryptedCardDataKeys.contains(key.lowercased()) {
                // E3 key blocks come from a card reader at authorization; a settlement sends the
                // account number in the clear inside TLS, so there is nothing for them to decrypt.
                issues.add(.missingOrErroneousValue, path(key), "Heartland E3 encrypted card data is not supported; send the account number (inside TLS) instead")
            } else {
                issues.add(.invalidFormat, path(key), "is not a field of this object")
            }
        }
    }

    func has(_ key: String) -> Bool {
        value(key) != nil
    }

    /// The member's value; nil when it is absent or null (null means "not given").
    func value(_ key: String) -> JSONValue? {
        let signature = KeySignature(key)
        guard mask & signature.maskBit != 0 else { return nil }
        for index in members.indices where signatures[index] == signature && members[index].key == key {
            if case .null = members[index].value { return nil }
            return members[index].value
        }
        return nil
    }

    func object(_ key: String, _ issues: inout IssueList) -> DocumentObject? {
        guard let value = value(key) else { return nil }
        return DocumentObject(value, at: path(key), &issues)
    }

    func array(_ key: String, required: Bool = false, _ issues: inout IssueList) -> [JSONValue]? {
        switch value(key) {
        case .none:
            if required { issues.add(.missingOrErroneousValue, path(key), "is required") }
            return nil
        case .array(let elements): return elements
        case .some(let other):
            issues.add(.invalidFormat, path(key), "must be an array, got \(other.typeName)")
            return nil
        }
    }

    /// Field names that would carry card security or track data.
    static let forbiddenKeys: Set<String> = [
        "cvv", "cvv2", "cvc", "cvc2", "cid", "csc", "cardsecuritycode", "securitycode", "cardverificationvalue",
        "track", "track1", "track2", "trackdata", "track1data", "track2data", "magneticstripe", "magstripe", "pin", "pinblock",
    ]

    /// The class reference's Heartland E3 settings, refused with a reason rather than as unknown.
    static let encryptedCardDataKeys: Set<String> = [
        "heartlanddeviceid", "heartlandencryptionmode", "heartlandkeyblock", "encryptionmode", "keyblock",
    ]

    /// JSON pointer escaping (RFC 6901).
    static func escape(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
