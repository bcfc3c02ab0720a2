import SettleFraming
import SettleModel

/// A record is never split across blocks, and a block with its framing holds at most 640 bytes
/// (EIS 1081 §4.47). Groups 36 and 41 let a detail grow past that, which only the record
/// layouts can measure, so this check runs with validation wherever a batch is encoded.
public enum RecordSizeLimit {
    /// The longest record a block can carry: the block limit less STX, the terminator and the LRC.
    public static func longestRecord(maximumBlockBytes: Int = 640) -> Int { maximumBlockBytes - BlockingPolicy.framingOverhead }

    /// One problem per detail too long for a block, at the detail's pointer.
    public static func issues(in batch: Batch, profile: WireProfile, maximumBlockBytes: Int = 640) -> [ValidationIssue] {
        let limit = longestRecord(maximumBlockBytes: maximumBlockBytes)
        var issues: [ValidationIssue] = []
        for (index, detail) in batch.detailRecords.enumerated() {
            // Only a detail with group 41 can reach the limit; the others are measured for nothing.
            guard detail.$extended.with({ !$0.detailExtension.isEmpty }) == true else { continue }
            let length = RecordLengths.detail(detail, groups: detail.optionalGroups(industry: batch.industryType))
            if length > limit {
                issues.append(
                    ValidationIssue(
                        code: .invalidLength, detailIndex: index, path: "/detailRecords/\(index)",
                        message:
                            "is \(length) bytes on the wire, and a record must fit one \(maximumBlockBytes)-byte block (§4.47): shorten or leave out detailExtension, paymentFacilitator, token or location values"
                    ))
            }
        }
        return issues
    }
}
