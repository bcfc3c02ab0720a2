import SettleModel
import SettleRecords

/// Decides the host's answer to a complete batch, as TSYS does: the first record and field at
/// fault (format, order, trailer fields, totals) draws `RB`; otherwise `GB` with the record
/// count and net deposit.
public struct BatchJudge: Sendable {
    public var profile: WireProfile
    /// The host's date: the header's `MMDD` date gets its year from it.
    public var today: LocalDate
    /// Card numbers the host refuses, as a real host refuses for reasons of its own a terminal
    /// cannot check first: a batch holding one draws `RB` naming that detail's account number
    /// (field 9). How tests meet a rejection of a batch that validated.
    public var refusedCardNumbers: Set<String>

    public init(profile: WireProfile = .standard, today: LocalDate, refusedCardNumbers: Set<String> = []) {
        self.profile = profile
        self.today = today
        self.refusedCardNumbers = refusedCardNumbers
    }

    /// The verdict and, for a good batch, the batch as decoded.
    public func judge(records: [[UInt8]], blockCount: Int) -> (HostResponse, DecodedBatch?) {
        let decoded: DecodedBatch
        do {
            decoded = try BatchDecoder(profile: profile, referenceDate: today).decode(records: records, blockCount: blockCount)
        } catch {
            let type: Character = error.kind == .sequence ? "S" : "E"
            return (rejection(records, type, error.sequenceNumber, error.recordType, error.fieldNumber, error.data), nil)
        }
        let batch = decoded.batch
        if !refusedCardNumbers.isEmpty, let index = batch.detailRecords.firstIndex(where: { refusedCardNumbers.contains($0.cardNumber.digits) }),
            let sequence = RecordSequenceMap(details: batch.detailRecords).sequence(ofDetail: index)
        {
            return (rejection(records, "E", sequence, "D", 9, batch.detailRecords[index].cardNumber.digits), decoded)
        }
        let computed = BatchTotals(details: batch.detailRecords)
        let sequence = decoded.trailerSequence
        let stated = decoded.trailerTotals
        // Trailer fields in order: 06 date, 07 batch number, 08 record count, 09 hashing, 10 cash back, 11 net.
        let checks: [(field: Int, matches: Bool, data: String)] = [
            (
                6, decoded.trailerDate.month == batch.transmissionDate.month && decoded.trailerDate.day == batch.transmissionDate.day,
                Self.pad(decoded.trailerDate.month * 100 + decoded.trailerDate.day, 4)
            ),
            (7, decoded.trailerBatchNumber == batch.batchNumber, Self.pad(decoded.trailerBatchNumber, 3)),
            (8, stated.recordCount == sequence, Self.pad(stated.recordCount, 9)),
            (9, stated.hashingTotal == computed.hashingTotal, Self.pad(stated.hashingTotal, 16)),
            (10, stated.cashBackTotal == computed.cashBackTotal, Self.pad(stated.cashBackTotal, 16)),
            (11, stated.netDeposit == computed.netDeposit, Self.pad(stated.netDeposit, 16)),
        ]
        if let fault = checks.first(where: { !$0.matches }) {
            return (rejection(records, "E", sequence, "T", fault.field, fault.data), decoded)
        }
        let good = HostResponse(
            code: .goodBatch, rawCode: "GB", applicationType: decoded.applicationType, recordCount: sequence,
            netDeposit: computed.netDeposit, batchNumber: batch.batchNumber, text: "_ACCEPTED")
        return (good, decoded)
    }

    /// An RB naming a record and field; the count is the records received before the failing one.
    func rejection(_ records: [[UInt8]], _ type: Character, _ sequence: Int, _ recordType: Character, _ field: Int, _ data: String) -> HostResponse {
        let app = records.first.map { Character(UnicodeScalar($0.count > 1 ? $0[1] : 0x31)) } ?? "1"
        let batchNumber = records.first.flatMap { try? BatchDecoder(profile: profile, referenceDate: today).header($0).batchNumber } ?? 0
        return HostResponse(
            code: .rejectedBatch, rawCode: "RB", applicationType: app, recordCount: max(0, sequence - 1), netDeposit: 0,
            batchNumber: batchNumber,
            rejection: HostResponse.Rejection(
                errorType: type, sequenceNumber: sequence, recordType: recordType, fieldNumber: field, data: data))
    }

    static func pad(_ value: some BinaryInteger, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
