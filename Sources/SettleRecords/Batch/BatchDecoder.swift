import SettleFraming
import SettleModel

/// Reads framed batch bytes back into a ``Batch``: the simulator's view of what it received,
/// and the round-trip check of the encoder.
public struct BatchDecoder: Sendable {
    public var profile: WireProfile
    /// "Today" for the receiver: the header's `MMDD` transmission date gets its year from it.
    public var referenceDate: LocalDate

    public init(profile: WireProfile = .standard, referenceDate: LocalDate) {
        self.profile = profile
        self.referenceDate = referenceDate
    }

    /// Decodes a whole framed batch (all blocks, ending with ETX).
    public func decode(_ bytes: [UInt8]) throws(BatchDecodingError) -> DecodedBatch {
        let blocks: [DeframedBlock]
        do {
            blocks = try BlockReader.readBatch(bytes)
        } catch {
            throw BatchDecodingError(kind: .framing(error), sequenceNumber: 0, recordType: "?", fieldNumber: 0, data: "", reason: error.description)
        }
        var records: [[UInt8]] = []
        for block in blocks {
            do {
                records += try RecordSplitter.records(in: block.payload, profile: profile)
            } catch {
                throw BatchDecodingError(
                    kind: .field, sequenceNumber: records.count + 1, recordType: "?",
                    fieldNumber: error.fieldNumber, data: error.data, reason: error.reason)
            }
        }
        return try decode(records: records, blockCount: blocks.count)
    }

    /// Decodes records already split out of their blocks.
    public func decode(records: [[UInt8]], blockCount: Int) throws(BatchDecodingError) -> DecodedBatch {
        var app = ApplicationType.single
        var batch = Self.emptyBatch(referenceDate)
        var sequence = 0
        func next(_ expected: Set<RecordType>) throws(BatchDecodingError) -> (RecordType, [UInt8]) {
            sequence += 1
            guard sequence <= records.count else {
                throw failure(.sequence, sequence, "?", 0, "", "batch ends before its trailer")
            }
            let record = records[sequence - 1]
            let typeByte: UInt8 = record.count > 4 ? record[4] : 0
            guard let type = RecordType(byte: typeByte), expected.contains(type) else {
                let letter = RecordType(byte: typeByte)?.rawValue ?? "?"
                throw failure(
                    .sequence, sequence, letter, 5, "", "expected \(expected.map { String($0.rawValue) }.sorted().joined(separator: " or ")) record")
            }
            return (type, record)
        }
        let recordH = try next([.header]).1
        try field(recordH, sequence: 1, type: "H", reference: referenceDate) { (c: inout RecordReader) throws(RecordCodingError) in
            try HeaderLayout.code(&batch, applicationType: &app, &c)
        }
        let recordP = try next([.parameter]).1
        try field(recordP, sequence: 2, type: "P", reference: batch.transmissionDate) { (c: inout RecordReader) throws(RecordCodingError) in
            try ParameterLayout.code(&batch, applicationType: &app, &c)
        }
        var totals = BatchTotals()
        var trailerDate = batch.transmissionDate, trailerNumber = 0
        while true {
            let (type, record) = try next([.detail, .trailer])
            if type == .trailer {
                try field(record, sequence: sequence, type: "T", reference: batch.transmissionDate) {
                    (c: inout RecordReader) throws(RecordCodingError) in
                    try TrailerLayout.code(date: &trailerDate, batchNumber: &trailerNumber, totals: &totals, applicationType: &app, &c)
                }
                break
            }
            var detail = DetailRecord(
                transactionType: .cardPresent, cardNumber: CardNumber(""), settlementAmount: 0,
                transactionDate: batch.transmissionDate, transactionTime: TimeOfDay(hour: 0, minute: 0, second: 0), transactionNumber: 0)
            try field(record, sequence: sequence, type: "D", reference: batch.transmissionDate) { (c: inout RecordReader) throws(RecordCodingError) in
                try DetailLayout.code(&detail, industry: batch.industryType, profile: profile, applicationType: &app, &c)
            }
            // A chip addendum, when there is one, comes right after its detail (§3.1).
            if sequence < records.count, records[sequence].count > 4, RecordType(byte: records[sequence][4]) == .chipAddendum {
                let record = try next([.chipAddendum]).1
                var chip = ChipData(terminalTransactionDate: batch.transmissionDate)
                try field(record, sequence: sequence, type: "C", reference: batch.transmissionDate) {
                    (c: inout RecordReader) throws(RecordCodingError) in
                    try ChipAddendumLayout.code(&chip, applicationType: &app, &c)
                }
                detail.chip = chip
            }
            if var level3 = detail.level3 {
                var brand = level3.cardType
                for index in level3.lineItems.indices {
                    let line = try next([.lineItem]).1
                    try field(line, sequence: sequence, type: "L", reference: batch.transmissionDate) {
                        (c: inout RecordReader) throws(RecordCodingError) in
                        try LineItemLayout.code(&level3.lineItems[index], brand: &brand, profile: profile, applicationType: &app, &c)
                    }
                }
                detail.level3 = level3
            }
            if var extended = detail.extended {
                let purchasing = detail.$level2.with(\.hasPurchasingExtension) ?? false
                try addenda(&extended, purchasing: purchasing, records: records, sequence: &sequence, app: &app, date: batch.transmissionDate)
                detail.extended = extended
            }
            batch.detailRecords.append(detail)
        }
        if sequence < records.count {
            let extra = records[sequence]
            throw failure(
                .sequence, sequence + 1, RecordType(byte: extra.count > 4 ? extra[4] : 0)?.rawValue ?? "?", 5, "", "record after the trailer")
        }
        return DecodedBatch(
            batch: batch, trailerTotals: totals, trailerDate: trailerDate, trailerBatchNumber: trailerNumber, applicationType: app,
            blockCount: blockCount, trailerSequence: sequence)
    }

    /// The Canadian tax and transaction advice records group 29 and group 35 announced, read into
    /// the placeholders their groups left.
    private func addenda(
        _ x: inout ExtendedDetail, purchasing: Bool, records: [[UInt8]], sequence: inout Int, app: inout Character, date: LocalDate
    ) throws(BatchDecodingError) {
        for index in x.canadianTaxes.indices {
            sequence += 1
            guard sequence <= records.count, records[sequence - 1].count > 4,
                [RecordType.canadianTax.byte, RecordType.lineItem.byte].contains(records[sequence - 1][4])
            else { throw failure(.sequence, sequence, "?", 5, "", "expected a Canadian tax record (group 29 counts them)") }
            try field(records[sequence - 1], sequence: sequence, type: "X", reference: date) { (c: inout RecordReader) throws(RecordCodingError) in
                try CanadianTaxLayout.code(&x.canadianTaxes[index], profile: profile, applicationType: &app, &c)
            }
        }
        guard var advice = x.amexTransactionAdvice, advice.recordCount > 0 else { return }
        let (details, addenda) = (advice.additionalAmounts.count, advice.addendaCount)
        advice.additionalAmounts = []
        advice.retailItems = []
        for _ in 0..<(details + addenda) {
            sequence += 1
            guard sequence <= records.count, records[sequence - 1].count > 4, records[sequence - 1][4] == RecordType.transactionAdvice.byte else {
                throw failure(.sequence, sequence, "?", 5, "", "expected a transaction advice record (group 35 counts them)")
            }
            var line = TransactionAdviceLayout.Line.charge(AmexTransactionAdvice.ChargeItem(unitAmount: .zero))
            try field(records[sequence - 1], sequence: sequence, type: "A", reference: date) { (c: inout RecordReader) throws(RecordCodingError) in
                try TransactionAdviceLayout.code(&line, applicationType: &app, &c)
            }
            // TAD lines come first, and each addendum goes with its group (33, 34 or 39).
            let misplaced: String? =
                switch line {
                case .additionalAmount where advice.addendaCount > 0: "TAD records come before the addenda"
                case .retail where advice.retailDepartmentName == nil: "a RET record needs group 33"
                case .lodging where advice.lodgingRenterName == nil: "a LOD record needs group 34"
                case .charge where !purchasing: "a CPS record needs group 39"
                case .retail where advice.retailItems.count == 6, .lodging where advice.lodgingItems.count == 3,
                    .charge where advice.chargeItems.count == 4:
                    "more \(line.typeCode) records than the host takes"
                default: nil
                }
            if let misplaced { throw failure(.sequence, sequence, "A", 6, line.typeCode, misplaced) }
            switch line {
            case .additionalAmount(let amount): advice.additionalAmounts.append(amount)
            case .retail(let item): advice.retailItems.append(item)
            case .lodging(let item): advice.lodgingItems.append(item)
            case .charge(let item): advice.chargeItems.append(item)
            }
        }
        guard advice.additionalAmounts.count == details, advice.addendaCount == addenda else {
            throw failure(
                .field, sequence, "A", 6, "",
                "group 35 counts \(details) TAD and \(addenda) addenda records, the records are \(advice.additionalAmounts.count) and \(advice.addendaCount)"
            )
        }
        x.amexTransactionAdvice = advice
    }

    /// Decodes a header record alone: what a host reads first to route the batch and spot a
    /// duplicate batch number before the rest arrives.
    public func header(_ record: [UInt8]) throws(BatchDecodingError) -> Batch {
        var app = ApplicationType.single
        var batch = Self.emptyBatch(referenceDate)
        guard record.count > 4, RecordType(byte: record[4]) == .header else {
            throw failure(.sequence, 1, RecordType(byte: record.count > 4 ? record[4] : 0)?.rawValue ?? "?", 5, "", "expected H record")
        }
        try field(record, sequence: 1, type: "H", reference: referenceDate) { (c: inout RecordReader) throws(RecordCodingError) in
            try HeaderLayout.code(&batch, applicationType: &app, &c)
        }
        return batch
    }

    static func emptyBatch(_ date: LocalDate) -> Batch {
        Batch(
            merchant: Merchant(
                bankId: "", number: "", storeNumber: "", terminalNumber: "", categoryCode: "", countryCode: "",
                currencyCode: "", language: "", timeZone: "", terminalId: "", locationNumber: ""),
            industryType: .unknown, batchNumber: 0, transmissionDate: date, settings: BatchSettings(), detailRecords: [])
    }

    /// Runs one record's layout, turning a field error into a located batch error.
    private func field(
        _ record: [UInt8], sequence: Int, type: Character, reference: LocalDate,
        _ body: (inout RecordReader) throws(RecordCodingError) -> Void
    ) throws(BatchDecodingError) {
        var reader = RecordReader(record[...], referenceDate: reference)
        do {
            try body(&reader)
        } catch {
            let data = type == "D" && error.fieldNumber == 9 ? CardNumber.mask(error.data) : error.data
            throw failure(.field, sequence, type, error.fieldNumber, data, error.reason)
        }
        if reader.remaining != 0 {
            throw failure(.field, sequence, type, reader.fieldNumber, "", "\(reader.remaining) unexpected bytes at the end of the record")
        }
    }

    private func failure(
        _ kind: BatchDecodingError.Kind, _ sequence: Int, _ type: Character, _ field: Int, _ data: String, _ reason: String
    ) -> BatchDecodingError {
        BatchDecodingError(kind: kind, sequenceNumber: sequence, recordType: type, fieldNumber: field, data: data, reason: reason)
    }
}
