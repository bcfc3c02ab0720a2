import SettleFraming
import SettleModel

/// Turns a batch into wire bytes: validation, records, blocking, framing and parity.
///
/// Nothing is produced for an invalid batch. The trailer's totals are always computed here,
/// never taken from the caller.
public struct BatchEncoder: Sendable {
    public var profile: WireProfile
    /// Most records per block and bytes per block when records are combined.
    public var maximumRecordsPerBlock: Int
    public var maximumBlockBytes: Int

    public init(profile: WireProfile = .standard, maximumRecordsPerBlock: Int = 3, maximumBlockBytes: Int = 640) {
        self.profile = profile
        self.maximumRecordsPerBlock = maximumRecordsPerBlock
        self.maximumBlockBytes = maximumBlockBytes
    }

    /// Validates and encodes the batch.
    public func encode(_ batch: Batch) throws(EncodingError) -> EncodedBatch {
        let issues = BatchValidator(profile: profile).validate(batch)
        guard issues.isEmpty else { throw .invalidBatch(issues) }
        do {
            return try encodeValidated(batch)
        } catch {
            throw .buildFailed(error)
        }
    }

    /// Encodes without validation. For batches already validated, and for tests and the
    /// simulator, which build deliberately wrong batches.
    public func encodeValidated(_ batch: Batch, totalsOverride: BatchTotals? = nil) throws(RecordCodingError) -> EncodedBatch {
        var app = batch.hasLineItems ? ApplicationType.singleWithLineItems : ApplicationType.single
        var totals = totalsOverride ?? BatchTotals(details: batch.detailRecords)
        let policy = BlockingPolicy(
            combineRecords: batch.settings.combineRecords, maximumRecordsPerBlock: maximumRecordsPerBlock,
            maximumBlockBytes: maximumBlockBytes)
        var blocks = BlockWriter(policy: policy, expectedBytes: 400 + batch.detailRecords.count * 220)
        var writer = RecordWriter(referenceDate: batch.transmissionDate)
        var header = batch
        try HeaderLayout.code(&header, applicationType: &app, &writer)
        blocks.append(record: writer.bytes, standalone: true)  // the header is alone in its block
        writer.reset()
        try ParameterLayout.code(&header, applicationType: &app, &writer)
        blocks.append(record: writer.bytes)
        for detail in batch.detailRecords {
            writer.reset()
            var record = detail
            try DetailLayout.code(&record, industry: batch.industryType, profile: profile, applicationType: &app, &writer)
            blocks.append(record: writer.bytes)
            guard let level3 = detail.level3 else { continue }
            var brand = level3.cardType
            for item in level3.lineItems {
                writer.reset()
                var line = item
                try LineItemLayout.code(&line, brand: &brand, profile: profile, applicationType: &app, &writer)
                blocks.append(record: writer.bytes)
            }
        }
        writer.reset()
        var date = batch.transmissionDate, number = batch.batchNumber
        try TrailerLayout.code(date: &date, batchNumber: &number, totals: &totals, applicationType: &app, &writer)
        blocks.append(record: writer.bytes)
        return EncodedBatch(
            framed: blocks.finish(), totals: totals, applicationType: app,
            sequenceMap: RecordSequenceMap(lineItemCounts: batch.detailRecords.lazy.map(\.lineItemCount)))
    }
}
