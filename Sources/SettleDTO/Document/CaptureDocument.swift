import Foundation
import SettleJSON
import SettleModel

/// One capture (the body of `POST /v1/merchants/{merchantId}/captures`): a detail record exactly
/// as an element of the settlement document's `detailRecords`, checked at once as a batch of the
/// merchant's profile would check it.
public enum CaptureDocument {
    /// A capture read and validated.
    public struct Read: Sendable {
        /// The record as the model holds it (its card number included: seal it, never store it).
        public var detail: DetailRecord
        /// The record as canonical JSON without its card number: what is stored in the clear.
        public var storedJSON: [UInt8]
        /// The whole body as canonical JSON: a request's fingerprint is made from it, under a key
        /// (it holds the card number, so it is never stored itself).
        public var canonicalJSON: [UInt8]
    }

    /// Reads `json` as a detail record of a batch of `profile` (a merchant profile document).
    /// Problems in the record have pointers into the body (`/settlementAmount`).
    public static func read(
        json: some ContiguousBytes, profile: [UInt8], defaults: SettlementDefaults, today: LocalDate
    ) -> Result<Read, ValidationFailure> {
        let root: JSONElement
        do {
            root = try JSONParser.parse(json).root
        } catch {
            let code: ErrorCode = error.isLimit ? .limitExceeded : .invalidJSON
            return .failure(
                ValidationFailure(issues: [
                    ValidationIssue(code: code, path: "", message: "body is not valid JSON: \(error.reason) at byte \(error.offset)")
                ]))
        }
        guard root.kind == .object else {
            return .failure(
                ValidationFailure(issues: [
                    ValidationIssue(code: .invalidFormat, path: "", message: "must be an object (one detail record), got \(root.typeName)")
                ]))
        }
        let record = root.materialized
        let document = batchDocument(profile: profile, records: [record])
        var numbered = defaults
        numbered.allowsAutomaticBatchNumber = true
        switch SettlementDocument.read(json: document, defaults: numbered, today: today) {
        case .invalid(let issues):
            return .failure(ValidationFailure(issues: issues.map(relative)))
        case .valid(let batch):
            guard let detail = batch.detailRecords.first else {
                return .failure(ValidationFailure(issues: [ValidationIssue(code: .emptyDetailRecords, path: "", message: "no detail record")]))
            }
            let stored = canonical(record.removing("cardNumber"))
            // The number is kept sealed only: a copy of it in another field would be kept in the clear.
            let digits = Array(detail.cardNumber.digits.utf8)
            // Written with spaces or dashes between its groups, it is the same number.
            let plain = stored.filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "-") }
            if digits.count >= 12, plain.indices.contains(where: { plain[$0...].starts(with: digits) }) {
                return .failure(
                    ValidationFailure(issues: [
                        ValidationIssue(
                            code: .missingOrErroneousValue, path: "", message: "the card number appears in a field other than cardNumber; remove it")
                    ]))
            }
            return .success(Read(detail: detail, storedJSON: stored, canonicalJSON: root.canonicalText))
        }
    }

    /// The settlement document of a batch of `profile`'s merchant holding `records` (stored
    /// records with their card numbers put back), dated `transmissionDate`, its batch number left
    /// for the ledger to allocate unless given.
    public static func settlementDocument(
        profile: [UInt8], records: [(stored: [UInt8], cardNumber: String)], transmissionDate: LocalDate, batchNumber: Int? = nil
    ) -> [UInt8] {
        let details = records.map { record -> JSONValue in
            let stored = (try? JSONValue(parsing: record.stored)) ?? .object([])
            guard case .object(let members) = stored else { return stored }
            return .object(members + [(key: "cardNumber", value: .string(record.cardNumber))])
        }
        var extra: [(key: String, value: JSONValue)] = [(key: "transmissionDate", value: .string(transmissionDate.iso))]
        if let batchNumber { extra.append((key: "batchNumber", value: .integer(Int64(batchNumber)))) }
        return batchDocument(profile: profile, records: details, extra: extra)
    }

    /// The profile's batch members (all but `cutoff`) with `records` as its detail records.
    static func batchDocument(profile: [UInt8], records: [JSONValue], extra: [(key: String, value: JSONValue)] = []) -> [UInt8] {
        var members: [(key: String, value: JSONValue)] = []
        if case .object(let profileMembers) = (try? JSONValue(parsing: profile)) ?? .object([]) {
            members = profileMembers.filter { $0.key != "cutoff" }
        }
        members += extra
        members.append((key: "detailRecords", value: .array(records)))
        return Array(JSONValue.object(members).text.utf8)
    }

    /// A problem in the batch's one record, pointed at within the capture's body.
    private static func relative(_ issue: ValidationIssue) -> ValidationIssue {
        let prefix = "/detailRecords/0"
        guard issue.path == prefix || issue.path.hasPrefix(prefix + "/") else { return issue }
        return ValidationIssue(code: issue.code, path: String(issue.path.dropFirst(prefix.count)), message: issue.message)
    }

    private static func canonical(_ value: JSONValue) -> [UInt8] {
        let text = Array(value.text.utf8)
        return (try? JSONParser.parse(text).root.canonicalText) ?? text
    }
}

extension JSONValue {
    /// The object without member `name` (any other value as it is).
    func removing(_ name: String) -> JSONValue {
        guard case .object(let members) = self else { return self }
        return .object(members.filter { $0.key != name })
    }
}
