/// EIS 1081 Table 3.9, "Invalid group combinations", as data.
///
/// The whole table is kept, not only the groups this engine builds, so the rules read the
/// same as the spec and stay right when more groups are added.
public enum GroupCombinationRules {
    /// Group → groups it may not appear with.
    public static let notValidWith: [Int: Set<Int>] = [
        1: [2, 3, 12, 17, 18, 19, 25, 26, 27, 28, 29],
        2: [1, 4, 9, 13, 15, 17, 18, 19, 25, 26, 27, 28, 29, 33, 34, 42, 43],
        3: [1, 4, 5, 6, 7, 10, 13, 15, 19, 25, 26, 27, 28, 29, 34, 42, 43],
        4: [2, 3, 5, 6, 7, 9, 10, 12, 15, 17, 18, 19, 25, 26, 27, 28, 29, 31, 33, 34, 35, 43],
        5: [3, 4, 9, 10, 12, 13, 15, 17, 18, 19, 21, 25, 26, 27, 28, 29, 31, 33, 42, 43],
        6: [3, 4, 9, 10, 12, 13, 15, 17, 18, 19, 21, 25, 26, 27, 28, 29, 31, 33, 42, 43],
        7: [3, 4, 9, 10, 12, 13, 15, 17, 18, 19, 21, 25, 26, 27, 28, 29, 31, 33, 42, 43],
        8: [10, 15, 18, 19, 21, 22, 25, 26, 27, 28, 29],
        9: [2, 4, 5, 6, 7, 10, 13, 15, 17, 18, 19, 25, 26, 27, 28, 29, 33, 34, 35, 42, 43],
        10: [3, 4, 5, 6, 7, 8, 9, 12, 13, 17, 18, 19, 21, 22, 25, 26, 27, 28, 29, 34, 42, 43],
        11: [15, 19, 25, 26, 27, 28, 29],
        12: [1, 4, 5, 6, 7, 10, 13, 15, 19, 29, 34, 42, 43],
        13: [2, 3, 5, 6, 7, 9, 10, 12, 15, 17, 18, 19, 25, 26, 27, 28, 29, 31, 33, 34, 35, 42, 43],
        14: [15, 19, 25, 26, 27, 28, 29],
        15: [2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 17, 18, 19, 21, 22, 25, 26, 27, 28, 29, 34, 42, 43],
        17: [1, 2, 4, 5, 6, 7, 9, 10, 13, 15, 19, 34, 42, 43],
        18: [1, 2, 4, 5, 6, 7, 8, 9, 10, 13, 15, 19, 34, 42, 43],
        19: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17, 18, 21, 22, 25, 26, 27, 28, 29, 31, 33, 34, 35, 42, 43],
        21: [5, 6, 7, 8, 10, 15, 19, 22, 25, 26, 27, 28, 29, 31, 33, 34, 42, 43],
        22: [8, 10, 15, 19, 21, 25, 26, 27, 28, 29],
        25: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 19, 21, 22, 29, 31, 33, 34, 35, 42, 43, 46],
        26: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 19, 21, 22, 27, 29, 31, 33, 34, 35, 42, 43, 46],
        27: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 19, 21, 22, 26, 28, 29, 31, 33, 34, 35, 42, 43, 46],
        30: [8, 10, 15, 19, 22, 25, 26, 27, 28, 29, 31, 42, 43],
        31: [4, 5, 6, 7, 13, 19, 21, 25, 26, 27, 28, 29, 30],
        33: [2, 4, 5, 6, 7, 9, 13, 19, 21, 25, 26, 27, 28, 29, 34, 42, 43],
        34: [2, 3, 4, 10, 12, 13, 15, 17, 18, 19, 21, 25, 26, 27, 28, 29, 33, 42, 43],
        35: [4, 9, 13, 15, 17, 18, 19, 25, 26, 27, 28, 29, 42, 43],
        39: [5, 6, 7, 8, 10, 15, 19, 22, 25, 26, 27, 28, 29, 31, 33, 34, 42, 43],
        42: [2, 3, 5, 6, 7, 8, 10, 12, 13, 15, 17, 18, 19, 21, 25, 26, 27, 28, 29, 30, 33, 34, 35, 39, 43],
        43: [2, 3, 4, 5, 6, 7, 9, 10, 12, 13, 15, 17, 18, 19, 21, 25, 26, 27, 28, 29, 30, 33, 34, 35, 39, 42],
        46: [25, 26, 27],
    ]

    /// Group → groups of which at least one must be present too.
    public static let requiresOneOf: [Int: Set<Int>] = [
        12: [3, 25], 13: [4], 26: [25], 27: [25], 30: [21], 39: [21],
    ]

    /// A broken rule: `group` appears with `conflicting`, or without any of `required`.
    public enum Violation: Sendable, Hashable, CustomStringConvertible {
        case notValidWith(group: Int, conflicting: Int)
        case requiresOneOf(group: Int, required: Set<Int>)

        /// The rule in words, naming each group's document member.
        public var description: String {
            switch self {
            case .notValidWith(let group, let other):
                "detail \(DetailGroupNames.describe(group)) is not valid with \(DetailGroupNames.describe(other)) (EIS 1081 Table 3.9)"
            case .requiresOneOf(let group, let required):
                "detail \(DetailGroupNames.describe(group)) requires \(required.sorted().map(DetailGroupNames.describe).joined(separator: " or ")) (EIS 1081 Table 3.9)"
            }
        }
    }

    /// Every rule the set breaks, each pair reported once (lower group first).
    public static func violations(in set: GroupSet) -> [Violation] {
        var found: [Violation] = []
        var remaining = set.rawValue
        while remaining != 0 {
            let group = remaining.trailingZeroBitCount + 1
            remaining &= remaining - 1
            // Conflicts with higher-numbered present groups only, so each pair appears once.
            var conflicts = set.rawValue & masks.conflicts[group] & ~((UInt64(1) << UInt64(group)) - 1)
            while conflicts != 0 {
                found.append(.notValidWith(group: group, conflicting: conflicts.trailingZeroBitCount + 1))
                conflicts &= conflicts - 1
            }
            let required = masks.required[group]
            if required != 0 && set.rawValue & required == 0 {
                found.append(.requiresOneOf(group: group, required: requiresOneOf[group] ?? []))
            }
        }
        return found
    }

    /// The table as bit masks, symmetric, indexed by group number: built once, checked per record.
    private static let masks: (conflicts: [UInt64], required: [UInt64]) = {
        var conflicts = [UInt64](repeating: 0, count: 49)
        var required = [UInt64](repeating: 0, count: 49)
        for (group, others) in notValidWith {
            for other in others {
                conflicts[group] |= GroupSet(groups: [other]).rawValue
                conflicts[other] |= GroupSet(groups: [group]).rawValue
            }
        }
        for (group, options) in requiresOneOf { required[group] = GroupSet(groups: options).rawValue }
        return (conflicts, required)
    }()
}
