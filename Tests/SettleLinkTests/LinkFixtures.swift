import SettleFraming
import SettleLink
import SettleModel
import SettleRecords
import SettleSimulator
import SettleTestSupport

/// Batches, hosts and exchanges for the link tests.
enum LinkFixtures {
    static let today = SampleBatches.july26

    static func batch(combine: Bool = true, details: Int = 7) -> Batch {
        var batch = SampleBatches.batch(.retail, (1...details).map { SampleBatches.sale(amount: Amount(minorUnits: Int64(1000 * $0)), number: $0) })
        batch.settings.combineRecords = combine
        return batch
    }

    static func host(_ script: SimulatorScript = .standard, registry: DuplicateBatchRegistry = DuplicateBatchRegistry()) -> HostSession {
        HostSession(script: script, registry: registry, judge: BatchJudge(today: today))
    }

    static func exchange(
        _ framed: FramedBatch, script: SimulatorScript = .standard, settings: LinkSettings = LinkSettings(),
        registry: DuplicateBatchRegistry = DuplicateBatchRegistry()
    ) -> InMemoryExchange {
        InMemoryExchange(client: LinkSession(batch: framed, settings: settings), host: host(script, registry: registry))
    }

    /// Re-frames records (full `K1.` prefixes) one per block, after the caller has altered them.
    static func frame(_ records: [String]) -> FramedBatch {
        var writer = BlockWriter(policy: BlockingPolicy(combineRecords: false))
        for (index, record) in records.enumerated() { writer.append(record: Array(record.utf8), standalone: index == 0) }
        return writer.finish()
    }

    /// The records of an encoded batch as text.
    static func records(_ encoded: EncodedBatch) throws -> [String] {
        var records: [String] = []
        for index in 0..<encoded.framed.blockCount {
            let payload = try BlockReader.readBlock(encoded.framed.block(index)).payload
            records += try RecordSplitter.records(in: payload).map { String(decoding: $0, as: UTF8.self) }
        }
        return records
    }
}
