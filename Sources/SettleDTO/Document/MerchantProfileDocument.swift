import Foundation
import SettleJSON
import SettleModel

/// The JSON merchant profile (the body of `PUT /v1/merchants/{merchantId}`): the settlement
/// document's own `industryType`, `merchant` (terminal included), `settings` and `travelAgency`,
/// checked by the same rules, and the `cutoff` schedule.
public enum MerchantProfileDocument {
    /// A profile read and validated.
    public struct Read: Sendable {
        public var profile: MerchantProfile
        /// The document as canonical JSON (members in name order, no white space): what is kept,
        /// and what a close's batches are built from.
        public var canonicalJSON: [UInt8]
    }

    static let keys: KeySet = ["industryType", "merchant", "settings", "travelAgency", "cutoff"]

    /// Reads and validates a profile: every problem together, each with its JSON pointer.
    public static func read(json: some ContiguousBytes, id: String, defaults: SettlementDefaults, today: LocalDate) -> Result<Read, ValidationFailure>
    {
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
        var issues = IssueList()
        guard let document = DocumentObject(root, at: "", &issues) else { return .failure(ValidationFailure(issues: issues.issues)) }
        let doc = document.reading(keys, &issues)
        let reader = BatchReader(defaults: defaults, today: today)
        let industry: IndustryType = doc.choice("industryType", &issues) ?? .unknown
        let merchant = doc.object("merchant", &issues).map { reader.readMerchant($0, &issues) }
        if !doc.has("merchant") { issues.add(.missingOrErroneousValue, "/merchant", "is required") }
        let settings = reader.readSettings(doc.object("settings", &issues), &issues)
        let travelAgency = doc.object("travelAgency", &issues).map { reader.readTravelAgency($0, &issues) }
        var cutoff: CutoffSchedule?
        if let object = doc.object("cutoff", &issues) {
            cutoff = CutoffReader().read(object, &issues)
        } else {
            issues.add(.missingOrErroneousValue, "/cutoff", "is required: when the open batch closes (timeZone and times)")
        }
        // The batch rules that do not need detail records, on a batch without any.
        let batch = Batch(
            merchant: merchant ?? BatchReader.emptyMerchant, industryType: industry, batchNumber: 1, transmissionDate: today,
            settings: settings, travelAgency: travelAgency, detailRecords: [])
        let flagged = Set(issues.issues.map(\.path))
        let modelIssues = BatchValidator(profile: defaults.profile).validate(batch).filter { issue in
            issue.path != "/detailRecords" && !flagged.contains { issue.path == $0 || issue.path.hasPrefix($0 + "/") }
        }
        let all = issues.issues + modelIssues
        guard all.isEmpty, let cutoff, let merchant else { return .failure(ValidationFailure(issues: all)) }
        let profile = MerchantProfile(
            id: id, industryType: industry, merchant: merchant, settings: settings, travelAgency: travelAgency, cutoff: cutoff)
        return .success(Read(profile: profile, canonicalJSON: root.canonicalText))
    }
}
