import Foundation
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
    /// The object in the parsed tape. Member names stay bytes, compared once each when the
    /// object is indexed for its reader; before that (or without it) a lookup tests the
    /// object's mask of ``KeySignature``s, then compares bytes.
    private let object: JSONElement
    /// Set by ``reading(_:_:)``: the names this object may have, and each one's value node
    /// (-1 when absent or null) in a table the tape keeps, so accessors find members by slot.
    private var allowed: KeySet?
    private var slots: UnsafeMutablePointer<Int32>?

    init?(_ value: JSONElement, at pointer: String, element index: Int? = nil, _ issues: inout IssueList) {
        self.parent = pointer
        self.index = index
        guard value.kind == .object else {
            issues.add(.invalidFormat, index.map { pointer + "/\($0)" } ?? pointer, "must be an object, got \(value.typeName)")
            return nil
        }
        self.object = value
        let tape = value.tape
        let keys = tape.keys(of: value.index)
        var seen: UInt64 = 0
        for (position, entry) in keys.enumerated() {
            // Only a name whose mask bit an earlier name set can be a repeat.
            let bit = KeySignature(bits: entry.signature).maskBit
            defer { seen |= bit }
            guard seen & bit != 0 else { continue }
            let repeated = keys[..<position].contains { $0.signature == entry.signature && tape.strings(at: Int($0.node), Int(entry.node)) }
            if repeated { issues.add(.invalidFormat, path(tape.string(at: Int(entry.node))), "appears twice") }
        }
    }

    var pointer: String { index.map { parent + "/\($0)" } ?? parent }

    func path(_ key: String) -> String { pointer + "/" + DocumentObject.escape(key) }

    func path(_ key: StaticString) -> String { path(key.description) }

    /// The object checked against the names it may have, and indexed by them for its reader.
    /// Names the schema does not define are problems; card security data is refused plainly.
    func reading(_ allowed: KeySet, _ issues: inout IssueList) -> DocumentObject {
        let tape = object.tape
        let slots = tape.slotTable(count: allowed.count)
        for entry in tape.keys(of: object.index) {
            let (index, signature) = (Int(entry.node), KeySignature(bits: entry.signature))
            if let slot = allowed.slot(signature: entry.signature, where: { tape.string(at: index, equals: $0, signature: signature) }) {
                // A null member is not given, so it keeps no slot (its neighbouring key node is
                // in hand, so this is cheaper here than at every lookup). A repeated name was
                // reported when the object was made; the first given one is read.
                if slots[slot] < 0 && tape.nodes[index + 1].kind != .null { slots[slot] = entry.node + 1 }
                continue
            }
            let key = tape.string(at: index)
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
        var indexed = self
        indexed.allowed = allowed
        indexed.slots = slots
        return indexed
    }

    func has(_ key: StaticString) -> Bool {
        member(key) != nil
    }

    /// The member's value; nil when it is absent or null (null means "not given").
    func value(_ key: StaticString) -> JSONElement? {
        member(key).map { JSONElement(tape: object.tape, index: $0) }
    }

    /// The tape index of the member's value; nil when it is absent or null. The typed
    /// accessors read the tape through this and make no ``JSONElement``: each one counts a
    /// reference to the tape, which cost more than the lookup itself.
    func member(_ key: StaticString) -> Int? {
        if let allowed, let slots {
            return allowed.slot(of: key).flatMap { slots[$0] < 0 ? nil : Int(slots[$0]) }
        }
        guard let index = object.tape.member(of: object.index, named: key), object.tape.nodes[index].kind != .null else { return nil }
        return index
    }

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
