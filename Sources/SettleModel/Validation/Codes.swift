/// The code sets of EIS 1081 and the class reference that validation checks.
enum Codes {
    static let deviceCodes = CodeSet(["0", "B", "C", "D", "E", "G", "H", "I", "J", "M", "P", "Q", "R", "S", "T", "W", "X", "Z"])
    static let languages = CodeSet(["00", "01", "02", "03", "04", "05", "06", "07"])
    static let cardholderIds = CodeSet(["@", "A", "F", "G", "K", "M", "N", "P", "S", "Z"])
    static let accountDataSources = CodeSet(["@", "A", "B", "D", "G", "H", "P", "Q", "R", "S", "T", "W", "X", "Z"])
    static let marketSpecificIndicators = CodeSet(["A", "B", "E", "H", "J", "M", "N", "T"])
    static let motoIndicators = CodeSet(["1", "2", "3", "4", "5", "6", "7", "8"])
    static let hotelIdentifier = CodeSet(["H"])
    static let autoRentalIdentifier = CodeSet(["A"])
    static let noShow = CodeSet(["0", "1"])
    static let amexHotelNoShow = CodeSet(["2", "3"])
    static let stopOver = CodeSet(["O", "X"])
    static let debitCredit = CodeSet(["C", "D"])
    static let yesNo = CodeSet(["Y", "N"])
}

/// Codes of the production detail groups (`docs/wire/detail-groups.md`).
extension Codes {
    /// Group 14 (Table 4.52): transponder, Visa Relationship Manager, deferred billing.
    static let serviceDevelopmentIndicators: ClosedRange<Int> = 5...7
    /// Transaction advice additional amount types (Table 4.8).
    static let additionalAmountTypes = CodeSet(
        ["001", "013"] + (15...42).map { "0\($0)" } + ["046", "047", "048", "055", "056", "057", "058", "060", "074", "075"])
    /// Canadian tax type identifiers (§4.283).
    static let canadianTaxTypes = CodeSet(["00", "01", "03", "04", "05", "06", "10", "11", "12", "13", "14", "20", "21", "22"])
    /// Group 42: miles, kilometres (§4.27.16).
    static let distanceUnits = CodeSet(["M", "K"])
    /// Group 42: several adjustments, one (cardmember told), one (not told) (§4.27.17).
    static let auditAdjustments = CodeSet(["X", "Y", "Z"])
    /// Group 17 (Table 4.65).
    static let ucafCollectionIndicators = CodeSet(["0", "1", "2", "5", "6", "7"])
    /// Group 18 (Table 4.24): digital or physical goods.
    static let eCommerceGoodsIndicators = CodeSet(["D", "P"])
    /// Group 45 (Table 4.60): encrypted account number, token.
    static let transactionSecurityIndicators = CodeSet(["E", "T"])
    /// Group 40 POS data code, one set per position (§4.105).
    static let discoverPosDataCode: [CharacterRule] = [
        CharacterRule("0129", explanation: "0, 1, 2, 9"), CharacterRule("01234", explanation: "0-4"),
        CharacterRule("01239", explanation: "0, 1, 2, 3, 9"), CharacterRule("0123459", explanation: "0-5, 9"),
        CharacterRule("019", explanation: "0, 1, 9"), CharacterRule("019", explanation: "0, 1, 9"), CharacterRule("04", explanation: "0, 4"),
        CharacterRule("01239", explanation: "0, 1, 2, 3, 9"), CharacterRule("14568", explanation: "1, 4, 5, 6, 8"),
        CharacterRule("0", explanation: "0 (reserved)"), CharacterRule("01234567RSTUV", explanation: "0-7, R, S, T, U, V"),
        CharacterRule("0", explanation: "0 (reserved)"), CharacterRule("0", explanation: "0 (reserved)"),
    ]
    /// Group 41 tag values with a fixed list (§4.137 and the sections it names).
    static let detailExtensionValues: [DetailExtensionTag: CodeSet] = [
        .optionalAmountIdentifier: CodeSet(["0", "1", "2"]),
        .paymentTransactionIndicator: CodeSet(["C01", "C02", "C03", "C04", "C05", "C06"]),
        .iiasIndicator: CodeSet(["0", "1", "2"]),
        .transitTransactionType: CodeSet(["01", "02", "03", "04", "05", "07"]),
        .transportationMode: CodeSet((0...22).map { $0 < 10 ? "0\($0)" : "\($0)" }),
        .domainServer: CodeSet(["0", "1", "2"]),
        .discountTreatmentCode: CodeSet(["0", "1", "2"]),
        .taxTreatmentCode: CodeSet(["0", "1", "2", "3", "4"]),
        .spendQualifiedIndicator: CodeSet(["B", "N", "Q"]),
        .accountRangeStatus: CodeSet(["R", "N"]),
        .multiClearingIndicator: CodeSet(["M", "F"]),
    ]
    /// Custom identifier types (the first 6 characters of `CDV`, §4.89).
    static let customIdentifierTypes = CodeSet([
        "CUSORD", "CUSTPO", "FOLNUM", "INVACT", "OTHER1", "PMTREF", "PRCHID", "RECLOC", "RESNUM", "RNTAGR", "SUPINV", "SUPORD", "TKTNUM",
        "TRANID", "TRKNUM",
    ])
}
