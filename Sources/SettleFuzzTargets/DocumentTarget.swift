import SettleDTO
import SettleFraming
import SettleModel
import SettleRecords

/// A settlement document that validates also encodes, and the host's reader reads what was
/// encoded: validation may refuse anything, but once it accepts, nothing after it may fail.
enum DocumentTarget {
    static let today = LocalDate(year: 2026, month: 11, day: 26)
    static let defaults = SettlementDefaults(developerId: "003318", applicationId: "A001")

    static func run(_ bytes: [UInt8]) -> FuzzFailure? {
        switch SettlementDocument.encode(json: bytes, defaults: defaults, today: today) {
        case .failure(.buildFailed(let error)):
            return FuzzFailure("a document that validated did not encode", "\(error)")
        case .failure: return nil
        case .success(let encoded):
            do {
                let decoded = try BatchDecoder(profile: defaults.profile, referenceDate: today).decode(encoded.encoded.framed.bytes)
                guard decoded.batch.detailRecords.count == encoded.batch.detailRecords.count else {
                    return FuzzFailure(
                        "the host's reader read another batch than was encoded",
                        "\(decoded.batch.detailRecords.count) details read, \(encoded.batch.detailRecords.count) encoded")
                }
                // The trailer carries the net deposit without its sign; the details read back
                // carry it, so their totals must be the encoded ones whole.
                var trailer = decoded.trailerTotals
                trailer.netDepositIsCredit = encoded.encoded.totals.netDepositIsCredit
                guard trailer == encoded.encoded.totals else {
                    return FuzzFailure(
                        "the trailer's totals differ from the batch's", "\(decoded.trailerTotals) read, \(encoded.encoded.totals) encoded")
                }
                guard BatchTotals(details: decoded.batch.detailRecords) == encoded.encoded.totals else {
                    return FuzzFailure("the details read back total otherwise than the batch", "\(BatchTotals(details: decoded.batch.detailRecords))")
                }
            } catch {
                return FuzzFailure("the host's reader refused a batch that validated and encoded", "\(error)")
            }
            return nil
        }
    }
}
