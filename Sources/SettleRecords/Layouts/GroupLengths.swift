import SettleModel

/// Data length of each optional group, by group number, as an array so the per-record
/// length computation does no hashing.
struct GroupLengths: Sendable {
    private let table: [Int]

    init(_ lengths: [Int: Int]) {
        var table = [Int](repeating: 0, count: 49)
        for (group, length) in lengths { table[group] = length }
        self.table = table
    }

    /// The length of `group`'s data, `nil` when the group is not built.
    subscript(group: Int) -> Int? {
        let length = table[group]
        return length == 0 ? nil : length
    }

    /// `base` plus the data of every group in `set`; `nil` names the first unsupported group.
    func total(_ base: Int, _ set: GroupSet) -> (length: Int, unsupported: Int?) {
        var total = base
        var bits = set.rawValue
        while bits != 0 {
            let group = bits.trailingZeroBitCount + 1
            guard let length = self[group] else { return (total, group) }
            total += length
            bits &= bits - 1
        }
        return (total, nil)
    }
}
