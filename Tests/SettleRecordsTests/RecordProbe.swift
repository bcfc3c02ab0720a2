import SettleFraming
import SettleModel
import SettleRecords
import Testing

/// The records of an encoded batch as text, addressed by the spec's 1-based byte positions.
struct RecordProbe {
    let records: [String]

    init(_ batch: Batch, profile: WireProfile = .standard) throws {
        let encoded = try BatchEncoder(profile: profile).encode(batch)
        var records: [String] = []
        for index in 0..<encoded.framed.blockCount {
            let payload = try BlockReader.readBlock(encoded.framed.block(index)).payload
            records += try RecordSplitter.records(in: payload, profile: profile).map { String(decoding: $0, as: UTF8.self) }
        }
        self.records = records
    }

    /// Bytes `from`…`from + length - 1` (1-based, as the spec's tables number them) of record `index`.
    func field(_ index: Int, _ from: Int, _ length: Int) -> String {
        let record = Array(records[index].utf8)
        guard from - 1 + length <= record.count else { return "<beyond record end \(record.count)>" }
        return String(decoding: record[(from - 1)..<(from - 1 + length)], as: UTF8.self)
    }

    /// The group data that follows the 108-byte detail base, starting at its first byte.
    func afterBase(_ index: Int, _ offset: Int, _ length: Int) -> String { field(index, 109 + offset, length) }
}
