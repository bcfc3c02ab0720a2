import SettleModel

/// Maps a record sequence number (header = 1, parameter = 2, …) back to what the caller sent,
/// so a rejected batch names the detail record at fault (class reference
/// `error_detail_record_index`), accounting for chip addenda and line-item records.
public struct RecordSequenceMap: Sendable, Hashable {
    /// Sequence number of each detail record, ascending.
    private var detailSequences: [Int32]
    /// Whether each detail is followed by a chip addendum (before its line items).
    private var chipAddenda: [Bool]
    /// Sequence number of the trailer (the record count).
    public let trailerSequence: Int

    /// Builds the map for the details of a batch.
    public init(details: [DetailRecord]) {
        var counts: [Int] = []
        var chips: [Bool] = []
        counts.reserveCapacity(details.count)
        chips.reserveCapacity(details.count)
        ReadOnlyRecords.forEach(details) { _, detail in
            let chip = detail.$chip.with { _ in true } ?? false
            // Line items, Canadian tax and transaction advice records all follow the addendum.
            counts.append(detail.followingRecordCount - (chip ? 1 : 0))
            chips.append(chip)
        }
        self.init(lineItemCounts: counts, chipAddenda: chips)
    }

    /// Where a sequence number points.
    public enum Location: Sendable, Hashable {
        case header
        case parameter
        case detail(index: Int)
        case chipAddendum(detailIndex: Int)
        case lineItem(detailIndex: Int, itemIndex: Int)
        case trailer
        case outOfRange
    }

    /// Builds the map from each detail's line-item count and whether it has a chip addendum
    /// (none when `chipAddenda` is shorter).
    public init(lineItemCounts: some Sequence<Int>, chipAddenda: [Bool] = []) {
        var sequences: [Int32] = []
        var chips: [Bool] = []
        var next: Int32 = 3
        for (index, count) in lineItemCounts.enumerated() {
            let chip = index < chipAddenda.count && chipAddenda[index]
            sequences.append(next)
            chips.append(chip)
            next += 1 + Int32(count) + (chip ? 1 : 0)
        }
        detailSequences = sequences
        self.chipAddenda = chips
        trailerSequence = Int(next)
    }

    public func locate(sequence: Int) -> Location {
        switch sequence {
        case 1: return .header
        case 2: return .parameter
        case trailerSequence: return .trailer
        case 3..<trailerSequence:
            // The last detail starting at or before the sequence number.
            var low = 0, high = detailSequences.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if Int(detailSequences[mid]) <= sequence { low = mid } else { high = mid - 1 }
            }
            let offset = sequence - Int(detailSequences[low])
            let chip = chipAddenda[low] ? 1 : 0
            if offset == 0 { return .detail(index: low) }
            if offset == chip { return .chipAddendum(detailIndex: low) }
            return .lineItem(detailIndex: low, itemIndex: offset - 1 - chip)
        default: return .outOfRange
        }
    }

    /// The sequence number of detail `index`'s own record.
    public func sequence(ofDetail index: Int) -> Int? {
        detailSequences.indices.contains(index) ? Int(detailSequences[index]) : nil
    }

    /// The detail index a sequence number belongs to (its own or its line item's), else `nil`.
    public func detailIndex(forSequence sequence: Int) -> Int? {
        switch locate(sequence: sequence) {
        case .detail(let index), .chipAddendum(let index), .lineItem(let index, _): index
        default: nil
        }
    }
}
