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
        29: "canadianTaxes", 30: "level2.amexChargeDescriptor2", 33: "amexTransactionAdvice.retailDepartmentName",
        34: "amexTransactionAdvice.lodgingRenterName", 35: "amexTransactionAdvice", 40: "discoverPosDataCode", 41: "detailExtension",
        42: "autoRental.amex", 43: "amexInsurance",
        45: "transactionSecurityIndicator", 46: "softDescriptor",
    ]

    /// Why a detail group is not built, for the groups EIS 1081 keeps for others or no longer uses.
    public static func unsupported(_ group: Int) -> String {
        let reason: String? =
            switch group {
            case 8: "the earlier Level II layout; EIS 1081 requires group 22 for new implementations"
            case 15, 47, 48: "not defined in EIS 1081 v14.2"
            case 19: "Citi Commerce Solutions private label, restricted to CCS"
            case 24: "reserved for POS-partner use"
            case 28: "marked not used"
            case 44: "ACH, for TSYS internal use only"
            default: nil
            }
        return "detail group \(group) is not supported" + (reason.map { " (\($0))" } ?? "")
    }

    /// `group 17 (ucafCollectionIndicator)`, or `group 19` for a group no member fills.
    public static func describe(_ group: Int) -> String { member(of: group).map { "group \(group) (\($0))" } ?? "group \(group)" }
}
