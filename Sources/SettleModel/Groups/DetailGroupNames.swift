/// Which member of a detail in the settlement document fills each detail group, so a problem
/// about group numbers (Table 3.9) also names what the caller wrote.
public enum DetailGroupNames {
    public static func member(of group: Int) -> String? { members[group] }

    private static let members: [Int: String] = [
        1: "cashBack", 2: "gratuity", 3: "purchaseIdentifier", 4: "autoRental", 5: "lodging", 6: "merchantCategoryCodeOverride",
        7: "lodging.amex", 9: "passengerTransport", 10: "debit", 11: "laneId", 12: "cardNotPresent", 13: "autoRental.returnDetails",
        14: "serviceDevelopmentIndicator", 16: "existingDebt", 17: "ucafCollectionIndicator", 18: "eCommerceGoodsIndicator",
        20: "merchantVerificationValue", 21: "level2", 22: "level2", 25: "level3", 26: "level3", 27: "level3", 31: "marketSpecificData",
        32: "posDataCode", 36: "location", 37: "masterCardServiceCode", 38: "visaCardProductCode", 39: "level2.amexRequesterName",
        40: "discoverPosDataCode", 41: "detailExtension", 45: "transactionSecurityIndicator", 46: "softDescriptor",
    ]

    /// `group 17 (ucafCollectionIndicator)`, or `group 19` for a group no member fills.
    public static func describe(_ group: Int) -> String { member(of: group).map { "group \(group) (\($0))" } ?? "group \(group)" }
}
