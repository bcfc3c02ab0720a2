import SettleFraming
import SettleModel

/// Turns a batch into wire bytes: validation, records, blocking, framing and parity.
///
/// Nothing is produced for an invalid batch. The trailer's totals are always computed here,
/// never taken from the caller. Encoding runs in two passes: the first plans the blocks from
/// record lengths and so knows the exact wire size; the second writes every record straight
/// into one buffer of that size.
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
        var issues = BatchValidator(profile: profile).validate(batch)
        if issues.isEmpty { issues = RecordSizeLimit.issues(in: batch, profile: profile, maximumBlockBytes: maximumBlockBytes) }
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
        let policy = BlockingPolicy(
            combineRecords: batch.settings.combineRecords, maximumRecordsPerBlock: maximumRecordsPerBlock,
            maximumBlockBytes: maximumBlockBytes)
        let plan = BatchPlan(batch, policy: policy, profile: profile)
        var totals = totalsOverride ?? BatchTotals(details: batch.detailRecords)
        var ranges: [Range<Int>] = []
        var failure: RecordCodingError?
        let bytes = [UInt8](unsafeUninitializedCapacity: plan.wireBytes) { buffer, count in
            var writer = RecordWriter(frame: FrameWriter(buffer: buffer), referenceDate: batch.transmissionDate)
            do throws(RecordCodingError) {
                try write(batch, plan: plan, totals: &totals, into: &writer, ranges: &ranges)
            } catch {
                failure = error
            }
            count = failure == nil ? writer.frame.position : 0
        }
        if let failure { throw failure }
        return EncodedBatch(
            framed: FramedBatch(bytes: bytes, blockRanges: ranges), totals: totals, applicationType: plan.applicationType,
            sequenceMap: RecordSequenceMap(details: batch.detailRecords))
    }

    private func write(
        _ batch: Batch, plan: BatchPlan, totals: inout BatchTotals, into writer: inout RecordWriter, ranges: inout [Range<Int>]
    ) throws(RecordCodingError) {
        var app = plan.applicationType
        var stream = RecordStream(plan: plan, writer: writer)
        defer {
            writer = stream.writer
            ranges = stream.ranges
        }
        var header = batch
        stream.begin(standalone: true)
        try HeaderLayout.code(&header, applicationType: &app, &stream.writer)
        try stream.writer.endRecord()
        stream.begin()
        try ParameterLayout.code(&header, applicationType: &app, &stream.writer)
        try stream.writer.endRecord()
        try EncodingVisit.forEach(batch.detailRecords) { (record: inout DetailRecord) throws(RecordCodingError) in
            stream.begin()
            try DetailLayout.code(&record, industry: batch.industryType, profile: profile, applicationType: &app, &stream.writer)
            try stream.writer.endRecord()
            if var chip = record.chip {
                stream.begin()
                try ChipAddendumLayout.code(&chip, applicationType: &app, &stream.writer)
                try stream.writer.endRecord()
            }
            if let level3 = record.level3 {
                var brand = level3.cardType
                for item in level3.lineItems {
                    var line = item
                    stream.begin()
                    try LineItemLayout.code(&line, brand: &brand, profile: profile, applicationType: &app, &stream.writer)
                    try stream.writer.endRecord()
                }
            }
            guard let extended = record.extended else { return }
            for tax in extended.canadianTaxes {
                var tax = tax
                stream.begin()
                try CanadianTaxLayout.code(&tax, profile: profile, applicationType: &app, &stream.writer)
                try stream.writer.endRecord()
            }
            guard let advice = extended.amexTransactionAdvice else { return }
            for line in TransactionAdviceLayout.lines(advice) {
                var line = line
                stream.begin()
                try TransactionAdviceLayout.code(&line, applicationType: &app, &stream.writer)
                try stream.writer.endRecord()
            }
        }
        var date = batch.transmissionDate, number = batch.batchNumber
        stream.begin()
        try TrailerLayout.code(date: &date, batchNumber: &number, totals: &totals, applicationType: &app, &stream.writer)
        try stream.writer.endRecord()
        stream.finish()
    }
}
