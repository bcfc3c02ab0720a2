import SettleFraming
import SettleModel

/// The first encoding pass: every record's length and where the blocks fall, hence the
/// exact number of wire bytes.
struct BatchPlan {
    let policy: BlockingPolicy
    let applicationType: Character
    /// Record lengths in transmission order: header, parameter, details with their chip addenda
    /// and line items, trailer.
    private(set) var lengths: [Int32] = []
    private(set) var wireBytes = 0
    private(set) var blockCount = 0

    init(_ batch: Batch, policy: BlockingPolicy, profile: WireProfile) {
        self.policy = policy
        applicationType = batch.hasLineItems ? ApplicationType.singleWithLineItems : ApplicationType.single
        var planner = BlockPlanner(policy: policy)
        var lengths: [Int32] = []
        lengths.reserveCapacity(3 + batch.detailRecords.count)
        func add(_ length: Int, standalone: Bool = false) {
            lengths.append(Int32(length))
            _ = planner.place(length: length, standalone: standalone)
        }
        add(RecordLengths.header(batch), standalone: true)
        add(ParameterLayout.length)
        // Each record is read in place, not copied.
        ReadOnlyRecords.forEach(batch.detailRecords) { _, detail in
            add(RecordLengths.detail(detail, groups: detail.optionalGroups(industry: batch.industryType)))
            if let length = detail.$chip.with(RecordLengths.chipAddendum) { add(length) }
            let items = detail.lineItemCount
            if items > 0, let brand = detail.$level3.with(\.cardType) {
                let length = RecordLengths.lineItem(brand, profile: profile)
                for _ in 0..<items { add(length) }
            }
            detail.$extended.with { x in
                for _ in x.canadianTaxes { add(CanadianTaxLayout.length) }
                if let advice = x.amexTransactionAdvice {
                    for line in TransactionAdviceLayout.lines(advice) { add(TransactionAdviceLayout.length(line)) }
                }
            }
        }
        add(TrailerLayout.length)
        self.lengths = lengths
        wireBytes = planner.wireBytes
        blockCount = planner.blockCount
    }
}

extension BatchPlan {
    subscript(lengthAt index: Int) -> Int { Int(lengths[index]) }
}
