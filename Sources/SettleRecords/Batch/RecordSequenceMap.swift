import SettleModel

/// Maps a record sequence number (header = 1, parameter = 2, …) back to what the caller sent,
/// so a rejected batch names the detail record at fault (class reference
/// `error_detail_record_index`), accounting for line-item records.
public struct RecordSequenceMap: Sendable, Hashable {
    /// Sequence number of each detail record, ascending.
    private var detailSequences: [Int32]
    /// Sequence number of the trailer (the record count).
    public let trailerSequence: Int

    /// Builds the map for the details of a batch.
    public init(details: [DetailRecord]) {
        var counts: [Int] = []
        counts.reserveCapacity(details.count)
        ReadOnlyRecords.forEach(details) { _, detail in counts.append(detail.lineItemCount) }
        self.init(lineItemCounts: counts)
    }

    /// Where a sequence number points.
    public enum Location: Sendable, Hashable {
        case header
        case parameter
        case detail(index: Int)
        case lineItem(detailIndex: Int, itemIndex: Int)
        case trailer
        case outOfRange
    }

    /// Builds the map from each detail's line-item count.
    public init(lineItemCounts: some Sequence<Int>) {
        var sequences: [Int32] = []
        var next: Int32 = 3
        for count in lineItemCounts {
            sequences.append(next)
            next += 1 + Int32(count)
        }
        detailSequences = sequences
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
            return offset == 0 ? .detail(index: low) : .lineItem(detailIndex: low, itemIndex: offset - 1)
        default: return .outOfRange
        }
    }

    /// The detail index a sequence number belongs to (its own or its line item's), else `nil`.
    public func detailIndex(forSequence sequence: Int) -> Int? {
        switch locate(sequence: sequence) {
        case .detail(let index), .lineItem(let index, _): index
        default: nil
        }
    }
}
