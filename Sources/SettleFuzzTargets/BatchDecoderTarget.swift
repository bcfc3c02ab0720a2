import SettleFraming
import SettleModel
import SettleRecords

/// The batch decoder reads or refuses any bytes, framed or as records; a batch it reads, encoded
/// again, reads back to the same batch.
enum BatchDecoderTarget {
    static let today = LocalDate(year: 2026, month: 11, day: 26)

    static func run(_ bytes: [UInt8]) -> FuzzFailure? {
        let decoder = BatchDecoder(referenceDate: today)
        _ = try? decoder.decode(bytes)
        let records = bytes.split(separator: 0x1C, omittingEmptySubsequences: false).map(Array.init)
        guard let decoded = try? decoder.decode(records: records, blockCount: records.count) else { return nil }
        let encoded: EncodedBatch
        do {
            encoded = try BatchEncoder().encode(decoded.batch)
        } catch {
            // The decoder is lenient where the encoder's validation is not (it reads what the
            // host would take); a batch it reads need not validate.
            return nil
        }
        do {
            let again = try decoder.decode(encoded.framed.bytes)
            guard again.batch == decoded.batch else {
                return FuzzFailure("a decoded batch, encoded again, decodes to another batch", "\(records.count) records")
            }
        } catch {
            return FuzzFailure("a decoded batch, encoded again, does not decode", "\(error)")
        }
        return nil
    }
}
