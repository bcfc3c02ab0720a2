import SettleModel

/// The length of each record before it is written, from its record type and groups: the
/// encoder plans blocks from these, then writes each record directly into its place.
enum RecordLengths {
    static func header(_ batch: Batch) -> Int {
        sum(HeaderLayout.baseLength, HeaderLayout.groups(of: batch), HeaderLayout.groupLengths)
    }

    /// A detail's length: its groups' fixed lengths plus the tagged values of group 41.
    static func detail(_ d: DetailRecord, groups: GroupSet) -> Int {
        sum(DetailLayout.baseLength, groups, DetailGroupLayouts.lengths) + (d.$extended.with { $0.detailExtension.valuesLength } ?? 0)
    }

    static func chipAddendum(_ chip: ChipData) -> Int {
        sum(ChipAddendumLayout.baseLength, ChipAddendumLayout.groups(of: chip), ChipAddendumLayout.groupLengths)
    }

    static func lineItem(_ brand: Level3CardType, profile: WireProfile) -> Int {
        brand == .visa ? LineItemLayout.visaLength : LineItemLayout.masterCardLength(profile)
    }

    /// Unsupported groups count as empty here; writing the record then fails on the length check.
    private static func sum(_ base: Int, _ set: GroupSet, _ lengths: GroupLengths) -> Int {
        lengths.total(base, set).length
    }
}
