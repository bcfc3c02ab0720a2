import SettleFraming
import SettleModel
import SettleRecords

/// The result of a dry run (`tsys-settle validate`, `POST /v1/settlements/validate`):
/// every problem, or the batch's computed totals and shape.
public struct ValidationReportDTO: Sendable, Hashable, Codable {
    public var valid: Bool
    public var problems: [ProblemDTO]
    public var batch: BatchSummaryDTO?
    public var totals: BatchTotalsDTO?
    /// What the document held that the batch does not use, such as ICC data tags the chip card
    /// addendum has no field for.
    public var notes: [DocumentNote] = []

    public init(problems: [ValidationIssue]) {
        valid = false
        self.problems = problems.map(ProblemDTO.init)
    }

    public init(batch: Batch, encoded: EncodedBatch, notes: [DocumentNote] = []) {
        self.init(
            batch: batch,
            shape: BatchShape(
                totals: encoded.totals, blockCount: encoded.framed.blockCount, wireBytes: encoded.framed.bytes.count,
                applicationType: encoded.applicationType),
            notes: notes)
    }

    /// `automaticBatchNumber`: the number is allocated when the batch is settled (shown as 0).
    public init(batch: Batch, shape: BatchShape, automaticBatchNumber: Bool = false, notes: [DocumentNote] = []) {
        valid = true
        self.notes = notes
        problems = []
        self.batch = BatchSummaryDTO(batch: batch, shape: shape)
        if automaticBatchNumber { self.batch?.batchNumber = 0 }
        totals = BatchTotalsDTO(shape.totals)
    }
}

/// What will be sent: identity and shape of an encoded batch.
public struct BatchSummaryDTO: Sendable, Hashable, Codable {
    public var industryType: String
    public var batchNumber: Int
    public var transmissionDate: String
    public var detailRecordCount: Int
    public var lineItemCount: Int
    /// Chip card addendum (`C`) records, one per detail with chip data.
    public var chipAddendumCount: Int
    public var applicationType: String
    public var combineRecords: Bool
    public var blockCount: Int
    public var wireBytes: Int

    public init(batch: Batch, shape: BatchShape) {
        industryType = batch.industryType.rawValue
        batchNumber = batch.batchNumber
        transmissionDate = batch.transmissionDate.iso
        detailRecordCount = batch.detailRecords.count
        lineItemCount = batch.detailRecords.reduce(0) { $0 + $1.lineItemCount }
        chipAddendumCount = batch.detailRecords.reduce(0) { $0 + ($1.chip == nil ? 0 : 1) }
        applicationType = String(shape.applicationType)
        combineRecords = batch.settings.combineRecords
        blockCount = shape.blockCount
        wireBytes = shape.wireBytes
    }
}
