import Foundation
import SettleJSON
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

    /// A document read, validated and encoded.
    public struct Encoded: Sendable {
        public var batch: Batch
        public var encoded: EncodedBatch
        /// The document left `batchNumber` out (allowed by ``SettlementDefaults/allowsAutomaticBatchNumber``):
        /// `batch` carries a placeholder until the ledger allocates the number.
        public var automaticBatchNumber: Bool
        /// What the document held that the batch does not use (ignored ICC tags).
        public var notes: [DocumentNote] = []
    }

    /// Reads, validates and encodes a document: the batch and its wire form, or why not
    /// (`.invalidBatch` with every problem, or `.buildFailed` for a defect, code 544).
    /// Validation runs once: a batch the reader accepted goes straight to the encoder.
    public static func encode(json: some ContiguousBytes, defaults: SettlementDefaults, today: LocalDate) -> Result<Encoded, EncodingError> {
        let read = readDocument(json: json, defaults: defaults, today: today)
        switch read.outcome {
        case .invalid(let issues):
            return .failure(.invalidBatch(issues))
        case .valid(let batch):
            do {
                return .success(
                    Encoded(
                        batch: batch, encoded: try BatchEncoder(profile: defaults.profile).encodeValidated(batch),
                        automaticBatchNumber: read.automaticBatchNumber, notes: read.notes))
            } catch {
                return .failure(.buildFailed(error))
            }
        }
    }

    /// A document read and validated, with the shape it would have on the wire (a dry run).
    public struct Checked: Sendable {
        public var batch: Batch
        public var shape: BatchShape
        public var automaticBatchNumber: Bool
        /// What the document held that the batch does not use (ignored ICC tags).
        public var notes: [DocumentNote]
    }

    /// Reads and validates a document and plans its blocks, writing no bytes: everything a dry
    /// run reports, at the cost of validation alone.
    public static func check(json: some ContiguousBytes, defaults: SettlementDefaults, today: LocalDate) -> Result<Checked, EncodingError> {
        let read = readDocument(json: json, defaults: defaults, today: today)
        switch read.outcome {
        case .invalid(let issues): return .failure(.invalidBatch(issues))
        case .valid(let batch):
            return .success(
                Checked(
                    batch: batch, shape: BatchEncoder(profile: defaults.profile).shape(batch), automaticBatchNumber: read.automaticBatchNumber,
                    notes: read.notes))
        }
    }

    /// A document read and validated for settling: the batch, and the request's canonical text,
    /// not yet encoded (the ledger may still have to give the batch its number).
    public struct Submission: Sendable {
        public var batch: Batch
        /// The document left `batchNumber` out (allowed by ``SettlementDefaults/allowsAutomaticBatchNumber``):
        /// `batch` carries a placeholder until the ledger allocates the number.
        public var automaticBatchNumber: Bool
        /// The document as canonical JSON (members in name order, no white space): what tells
        /// a retry from another batch under the same idempotency key.
        public var canonicalJSON: [UInt8]
    }

    /// Reads and validates a document to be settled; nothing is encoded until its batch number
    /// is settled.
    public static func submission(json: some ContiguousBytes, defaults: SettlementDefaults, today: LocalDate) -> Result<Submission, EncodingError> {
        let read = readDocument(json: json, defaults: defaults, today: today)
        switch read.outcome {
        case .invalid(let issues): return .failure(.invalidBatch(issues))
        case .valid(let batch):
            return .success(Submission(batch: batch, automaticBatchNumber: read.automaticBatchNumber, canonicalJSON: read.root?.canonicalText ?? []))
        }
    }

    /// Reads and validates a document.
    /// - Parameter today: the batch transmission date when the document gives none (an injectable clock).
    public static func read(json: some ContiguousBytes, defaults: SettlementDefaults, today: LocalDate) -> Outcome {
        readDocument(json: json, defaults: defaults, today: today).outcome
    }

    private static func readDocument(
        json: some ContiguousBytes, defaults: SettlementDefaults, today: LocalDate
    )
        -> (outcome: Outcome, automaticBatchNumber: Bool, root: JSONElement?, notes: [DocumentNote])
    {
        let root: JSONElement
        do {
            root = try JSONParser.parse(json).root
        } catch {
            let problem =
                error.isLimit
                ? ValidationIssue(code: .limitExceeded, path: "", message: "body goes past a limit: \(error.reason) at byte \(error.offset)")
                : ValidationIssue(code: .invalidJSON, path: "", message: "body is not valid JSON: \(error.reason) at byte \(error.offset)")
            return (.invalid([problem]), false, nil, [])
        }
        var issues = IssueList()
        guard let document = DocumentObject(root, at: "", &issues) else { return (.invalid(issues.issues), false, root, []) }
        let batch = BatchReader(defaults: defaults, today: today).read(document, &issues)
        // Model rules run on what could be read; a field with a reading problem is not reported twice.
        let flagged = Set(issues.issues.map(\.path))
        let modelIssues = BatchValidator(profile: defaults.profile).validate(batch).filter { issue in
            !flagged.contains { issue.path == $0 || issue.path.hasPrefix($0 + "/") }
        }
        var all = issues.issues + modelIssues
        // Record lengths are measured only on a batch whose every field passed.
        if all.isEmpty { all = RecordSizeLimit.issues(in: batch, profile: defaults.profile) }
        let automatic = defaults.allowsAutomaticBatchNumber && !document.has("batchNumber")
        return (all.isEmpty ? .valid(batch) : .invalid(all), automatic, root, issues.notes)
    }
}
