import Foundation
import SettleModel

/// One JSON object of the settlement document being read, with its JSON pointer.
///
/// Every accessor records a problem (with the field's pointer) instead of failing, and
/// returns a placeholder, so one pass finds every problem in the document.
struct DocumentObject {
    let pointer: String
    private let members: [String: JSONValue]
    private let keys: [String]

    init?(_ value: JSONValue, at pointer: String, _ issues: inout IssueList) {
        guard case .object(let list) = value else {
            issues.add(.invalidFormat, pointer, "must be an object, got \(value.typeName)")
            return nil
        }
        self.pointer = pointer
        var members: [String: JSONValue] = [:]
        for (key, value) in list {
            if members[key] != nil { issues.add(.invalidFormat, pointer + "/" + key, "appears twice") }
            members[key] = value
        }
        self.members = members
        self.keys = list.map(\.key)
    }

    func path(_ key: String) -> String { pointer + "/" + DocumentObject.escape(key) }

    /// Rejects keys the schema does not define, and says plainly that card security data is never accepted.
    func checkKeys(_ allowed: Set<String>, _ issues: inout IssueList) {
        for key in keys where !allowed.contains(key) {
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
        if case .none = members[key] { return false }
        if case .some(.null) = members[key] { return false }
        return true
    }

    func value(_ key: String) -> JSONValue? {
        guard let value = members[key], value != .null else { return nil }
        return value
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
