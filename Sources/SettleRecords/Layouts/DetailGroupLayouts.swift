import SettleModel

/// The detail optional groups this engine builds (EIS 1081 Table 3.6), in ascending order.
enum DetailGroupLayouts {
    /// Data length of each supported group, for splitting blocked records. Group 41 is the one
    /// of variable length: its entry is its length field, and its tagged values add to it.
    static let lengthTable: [Int: Int] = [
        1: 12, 2: 12, 3: 38, 4: 52, 5: 52, 6: 4, 7: 21, 9: 75, 10: 23, 11: 8, 12: 5, 13: 51, 14: 1, 16: 1, 17: 1, 18: 2,
        20: 10, 21: 78, 22: 30, 23: 4, 25: 81, 26: 136, 27: 60, 29: 1, 30: 120, 31: 1, 32: 12, 33: 40, 34: 26, 35: 6, 36: 118, 37: 6, 38: 5, 39: 53,
        40: 17,
        41: DetailExtensionLayout.lengthFieldWidth, 42: 177, 43: 124, 45: 1, 46: 25,
    ]

    /// ``lengthTable`` indexed by group number (0 for groups this engine does not build).
    static let lengths = GroupLengths(lengthTable)

    static func code<C: FieldCoder>(
        _ initial: GroupSet, _ d: inout DetailRecord, industry: IndustryType, profile: WireProfile, _ c: inout C
    ) throws(RecordCodingError) {
        var set = initial
        var done: UInt64 = 0
        // Walk the set bits in ascending order, re-reading the set: group 23 adds groups 25-48 when decoding.
        while case let pending = set.rawValue & ~done, pending != 0 {
            let group = pending.trailingZeroBitCount + 1
            done |= 1 << UInt64(group - 1)
            switch group {
            case 1: try optionalAmount(&d.cashBack, &c)
            case 2: try optionalAmount(&d.gratuity, &c)
            case 3: try purchase(&d, format: "1", &c)
            case 4: try AutoRentalLayout.code(&d, &c)
            case 5: try LodgingLayout.code(&d, &c)
            case 6, 11, 14, 16, 17, 18, 29, 33, 34, 35, 36, 37, 38, 40, 41, 43, 45, 46:
                try ExtendedDetailLayout.code(group: group, &d, profile: profile, &c)
            case 7: try LodgingLayout.amex(&d, &c)
            case 9: try PassengerTransportLayout.code(&d, &c)
            case 10: try debit(&d, &c)
            case 12: try cardNotPresent(&d, &c)
            case 13: try AutoRentalLayout.returnDetails(&d, &c)
            case 20: try optionalText(&d.merchantVerificationValue, 10, &c)
            case 21, 22: try Level2Layout.code(group: group, &d, &c)
            case 23: try GroupMapCoding.codeExtension(groups: &set, &c)
            case 25:
                try purchase(&d, format: purchaseFormat(industry, profile), &c)
                try Level3Layout.commercialCard(&d, &c)
            case 26: try Level3Layout.visaSummary(&d, &c)
            case 27: try Level3Layout.masterCardSummary(&d, &c)
            case 30: try Level2Layout.amexChargeDescriptors(&d, &c)
            case 31: try optionalText(&d.marketSpecificData, 1, &c)
            case 32: try optionalText(&d.posDataCode, 12, &c)
            case 39: try ExtendedDetailLayout.amexPurchasing(&d, &c)
            case 42: try AutoRentalLayout.amex(&d, &c)
            default:
                throw RecordCodingError(fieldNumber: c.fieldNumber, data: String(group), reason: DetailGroupNames.unsupported(group))
            }
        }
        if c.isDecoding {
            DetailLayout.resolveForce(&d)
            // A host refuses the combinations Table 3.9 forbids; the encoder never writes one.
            if let violation = GroupCombinationRules.violations(in: set).first {
                throw RecordCodingError(fieldNumber: 5, data: set.description, reason: violation.description)
            }
            if set.contains(group: 42) && !set.contains(group: 4) {
                throw RecordCodingError(fieldNumber: 5, data: set.description, reason: "group map: group 42 (Amex auto rental) comes with group 4")
            }
        }
    }

    /// The purchase identifier format code of group 25 (§4.225).
    static func purchaseFormat(_ industry: IndustryType, _ profile: WireProfile) -> Character {
        switch industry {
        case .directMarketing: "1"
        case .autoRental: "3"
        case .hotel: "4"
        default: profile.defaultPurchaseIdentifierFormat
        }
    }

    private static func optionalAmount<C: FieldCoder>(_ value: inout Amount?, _ c: inout C) throws(RecordCodingError) {
        var amount = value ?? .zero
        try c.amount(&amount)
        if c.isDecoding { value = amount }
    }

    private static func optionalText<C: FieldCoder>(_ value: inout String?, _ width: Int, _ c: inout C) throws(RecordCodingError) {
        var text = value ?? ""
        try c.text(&text, width)
        if c.isDecoding { value = text }
    }

    /// Total authorized amount, purchase identifier format code and purchase identifier (groups 3, 4, 5, 25).
    static func purchase<C: FieldCoder>(_ d: inout DetailRecord, format: Character, _ c: inout C) throws(RecordCodingError) {
        var total = d.totalAuthorizedAmount ?? (d.transactionType.isCredit || d.transactionType.isForce ? .zero : d.authorizedAmount)
        try c.amount(&total)
        if c.isDecoding { d.totalAuthorizedAmount = total }
        // Table 4.48: `Z` says "no purchase identifier"; the industry's code promises one follows.
        // The code is derived, not kept in the model, so decoding checks it is a defined one and
        // agrees with the identifier that follows (the simulator holds the encoder to this).
        var code = d.purchaseIdentifier.utf8.allSatisfy { $0 == 0x20 } ? "Z" : String(format)
        let codeField = c.fieldNumber
        try c.text(&code, 1)
        if c.isDecoding && !purchaseFormatCodes.contains(code) {
            throw RecordCodingError(
                fieldNumber: codeField, data: code, reason: "purchase identifier format code must be Z, 1, 3 or 4 (Table 4.48)")
        }
        try c.text(&d.purchaseIdentifier, 25)
        if c.isDecoding && (code == "Z") != d.purchaseIdentifier.isEmpty {
            throw RecordCodingError(
                fieldNumber: codeField, data: code,
                reason: code == "Z"
                    ? "format code Z (not used) is followed by a purchase identifier" : "format code \(code) is followed by no purchase identifier")
        }
    }

    /// The purchase identifier format codes Table 4.48 defines; `0`, `2` and space are reserved.
    private static let purchaseFormatCodes: Set<String> = ["Z", "1", "3", "4"]

    private static func debit<C: FieldCoder>(_ d: inout DetailRecord, _ c: inout C) throws(RecordCodingError) {
        var debit =
            d.debit
            ?? DirectDebit(
                retrievalReferenceNumber: "", systemTraceAuditNumber: 0, networkId: "",
                settlementDate: LocalDate.placeholder)
        try c.text(&debit.retrievalReferenceNumber, 12)
        try c.number(&debit.systemTraceAuditNumber, 6)
        try c.text(&debit.networkId, 1)
        try c.date(&debit.settlementDate, .monthDay)
        if c.isDecoding { d.debit = debit }
    }

    private static func cardNotPresent<C: FieldCoder>(_ d: inout DetailRecord, _ c: inout C) throws(RecordCodingError) {
        var cnp = d.cardNotPresent ?? CardNotPresentData()
        try c.number(&cnp.installmentNumber, 2)
        try c.number(&cnp.installmentCount, 2)
        try c.text(&cnp.motoIndicator, 1)
        if c.isDecoding { d.cardNotPresent = cnp }
    }
}
