import Foundation
import SettleModel
import SettleRecords

/// The JSON settlement document (the body of `POST /v1/settlements`, and `FILE.json` for the
/// CLI), read into a ``Batch``.
///
/// Reading never stops at the first problem: type errors, unknown fields and every model
/// rule are reported together, each with a JSON pointer.
public enum SettlementDocument {
    /// The outcome of reading: a batch to encode, or every problem found.
    public enum Outcome: Sendable {
        case valid(Batch)
        case invalid([ValidationIssue])
    }

    /// Reads, validates and encodes a document: the batch and its wire form, or why not
    /// (`.invalidBatch` with every problem, or `.buildFailed` for a defect, code 544).
    /// Validation runs once: a batch the reader accepted goes straight to the encoder.
    public static func encode(json: some ContiguousBytes, defaults: SettlementDefaults, today: LocalDate)
        -> Result<(batch: Batch, encoded: EncodedBatch), EncodingError>
    {
        switch read(json: json, defaults: defaults, today: today) {
        case .invalid(let issues):
            return .failure(.invalidBatch(issues))
        case .valid(let batch):
            do {
                return .success((batch, try BatchEncoder(profile: defaults.profile).encodeValidated(batch)))
            } catch {
                return .failure(.buildFailed(error))
            }
        }
    }

    /// Reads and validates a document.
    /// - Parameter today: the batch transmission date when the document gives none (an injectable clock).
    public static func read(json: some ContiguousBytes, defaults: SettlementDefaults, today: LocalDate) -> Outcome {
        let root: JSONElement
        do {
            root = try JSONParser.parse(json).root
        } catch {
            return .invalid([ValidationIssue(code: .invalidFormat, path: "", message: "body is not valid JSON: \(error.reason) at byte \(error.offset)")])
        }
        var issues = IssueList()
        guard let document = DocumentObject(root, at: "", &issues) else { return .invalid(issues.issues) }
        let batch = BatchReader(defaults: defaults, today: today).read(document, &issues)
        // Model rules run on what could be read; a field with a reading problem is not reported twice.
        let flagged = Set(issues.issues.map(\.path))
        let modelIssues = BatchValidator(profile: defaults.profile).validate(batch).filter { issue in
            !flagged.contains { issue.path == $0 || issue.path.hasPrefix($0 + "/") }
        }
        let all = issues.issues + modelIssues
        return all.isEmpty ? .valid(batch) : .invalid(all)
    }
}
