import Foundation
import SettleJSON
import SettleModel

/// One JSON object of the settlement document being read, with its JSON pointer.
///
/// Every accessor records a problem (with the field's pointer) instead of failing, and
/// returns a placeholder, so one pass finds every problem in the document.
struct DocumentObject {
    /// The object's JSON pointer is `parent`, or `parent/index` for an array element: kept in
    /// parts and rendered only when a problem is reported.
    private let parent: String
    private let index: Int?
    /// The object in the parsed tape, indexed by its reader's names once ``reading(_:_:)`` ran.
    private var object: JSONObject

    init?(_ value: JSONElement, at pointer: String, element index: Int? = nil, _ issues: inout IssueList) {
        self.parent = pointer
        self.index = index
        guard let object = JSONObject(value) else {
            issues.add(.invalidFormat, index.map { pointer + "/\($0)" } ?? pointer, "must be an object, got \(value.typeName)")
            return nil
        }
        self.object = object
        for name in object.repeatedNames { issues.add(.invalidFormat, path(name), "appears twice") }
    }

    var pointer: String { index.map { parent + "/\($0)" } ?? parent }

    func path(_ key: String) -> String { pointer + "/" + DocumentObject.escape(key) }

    func path(_ key: StaticString) -> String { path(key.description) }

    /// The object checked against the names it may have, and indexed by them for its reader.
    /// Names the schema does not define are problems; card security data is refused plainly.
    func reading(_ allowed: KeySet, _ issues: inout IssueList) -> DocumentObject {
        let (indexed, unknownNames) = object.indexed(by: allowed)
        for key in unknownNames {
            if DocumentObject.forbiddenKeys.contains(key.lowercased()) {
                issues.add(
                    .missingOrErroneousValue, path(key), "card security codes, PIN blocks and track data are never accepted; remove this field")
            } else if DocumentObject.encryptedCardDataKeys.contains(key.lowercased()) {
                // E3 key blocks come from a card reader at authorization; a settlement sends the
                // account number in the clear inside TLS, so there is nothing for them to decrypt.
                issues.add(
                    .missingOrErroneousValue, path(key),
                    "Heartland E3 encrypted card data is not supported; send the account number (inside TLS) instead")
            } else {
                issues.add(.invalidFormat, path(key), "is not a field of this object")
            }
        }
        var read = self
        read.object = indexed
        return read
    }

    func has(_ key: StaticString) -> Bool { object.has(key) }

    /// The member's value; nil when it is absent or null (null means "not given").
    func value(_ key: StaticString) -> JSONElement? { object.value(key) }

    /// The tape index of the member's value; nil when it is absent or null.
    func member(_ key: StaticString) -> Int? { object.member(key) }

    /// The parsed document this object is part of.
    var tape: JSONTape { object.tape }

    func object(_ key: StaticString, _ issues: inout IssueList) -> DocumentObject? {
        guard let value = value(key) else { return nil }
        return DocumentObject(value, at: path(key), &issues)
    }

    func array(_ key: StaticString, required: Bool = false, _ issues: inout IssueList) -> [JSONElement]? {
        switch value(key) {
        case .none:
            if required { issues.add(.missingOrErroneousValue, path(key), "is required") }
            return nil
        case .some(let value):
            guard let elements = value.elements else {
                issues.add(.invalidFormat, path(key), "must be an array, got \(value.typeName)")
                return nil
            }
            return elements
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
