import SettleModel

/// The production detail groups of ``ExtendedDetail`` (EIS 1081 Table 3.6; `docs/wire/detail-groups.md`).
enum ExtendedDetailLayout {
    /// The version number groups 37, 38 and 40 start with (§4.324).
    static let networkDataVersion = 1

    static func code<C: FieldCoder>(group: Int, _ d: inout DetailRecord, profile: WireProfile, _ c: inout C) throws(RecordCodingError) {
        var x = d.extended ?? ExtendedDetail()
        switch group {
        case 6: try digitsText(&x.merchantCategoryCodeOverride, 4, &c)
        case 11: try optionalNumber(&x.laneId, 8, &c)
        case 14: try optionalNumber(&x.serviceDevelopmentIndicator, 1, &c)
        case 16: try existingDebt(&x.existingDebt, &c)
        case 17: try optionalText(&x.ucafCollectionIndicator, 1, &c)
        case 18: try optionalText(&x.eCommerceGoodsIndicator, 2, &c)
        case 36: try location(&x.location, &c)
        case 37:
            try version(&c)
            try optionalText(&x.masterCardServiceCode, 3, &c)
        case 38:
            try version(&c)
            try optionalText(&x.visaCardProductCode, 2, &c)
        case 40:
            try version(&c)
            try optionalText(&x.discoverPosDataCode, 13, &c)
            if c.isDecoding && x.discoverPosDataCode == "" { x.discoverPosDataCode = nil }
            try c.flag(&x.discoverPartialShipment, on: "Y", off: "N")
        case 41: try DetailExtensionLayout.code(&x.detailExtension, profile: profile, &c)
        case 45: try optionalText(&x.transactionSecurityIndicator, 1, &c)
        case 46: try optionalText(&x.softDescriptor, 25, &c)
        case 43: try insurance(&x.amexInsurance, &c)
        case 29: try canadianTaxCount(&x.canadianTaxes, &c)
        case 33, 34, 35:
            var advice = x.amexTransactionAdvice ?? AmexTransactionAdvice()
            try transactionAdvice(group: group, &advice, &c)
            x.amexTransactionAdvice = advice
        default:
            throw RecordCodingError(fieldNumber: c.fieldNumber, data: String(group), reason: DetailGroupNames.unsupported(group))
        }
        if c.isDecoding { d.extended = x }
    }

    /// Group 39 (American Express CAPN corporate purchasing extension): requester name, total tax, tax type.
    static func amexPurchasing<C: FieldCoder>(_ d: inout DetailRecord, _ c: inout C) throws(RecordCodingError) {
        var l2 = d.level2 ?? Level2(cardType: .americanExpress)
        try c.text(&l2.amexRequesterName, 38)
        var tax = l2.amexTotalTaxAmount ?? .zero
        try c.amount(&tax)
        // Zero is a total tax like any other here: group 39 is sent only when it has one.
        if c.isDecoding { l2.amexTotalTaxAmount = tax }
        try c.numericText(&l2.amexTaxTypeCode, 3)
        if c.isDecoding { d.level2 = l2 }
    }

    /// Group 29: how many Canadian tax records follow. Decoding leaves that many placeholders for
    /// the batch decoder to fill from the records.
    private static func canadianTaxCount<C: FieldCoder>(_ taxes: inout [CanadianTax], _ c: inout C) throws(RecordCodingError) {
        let number = c.fieldNumber
        var count = taxes.count
        try c.number(&count, 1)
        guard c.isDecoding else { return }
        guard (1...6).contains(count) else {
            throw RecordCodingError(fieldNumber: number, data: String(count), reason: "Canadian tax item count must be 1-6")
        }
        taxes = Array(repeating: CanadianTax(amount: .zero, rate: 0, rateExponent: 0, typeIdentifier: "00"), count: count)
    }

    /// Groups 33 (retail department), 34 (lodging renter) and 35 (the advice record counts). The
    /// counts leave placeholders when decoding: the batch decoder replaces them with the records.
    private static func transactionAdvice<C: FieldCoder>(group: Int, _ a: inout AmexTransactionAdvice, _ c: inout C) throws(RecordCodingError) {
        switch group {
        case 33:
            var name = a.retailDepartmentName ?? ""
            try c.text(&name, 40)
            if c.isDecoding { a.retailDepartmentName = name }
        case 34:
            var name = a.lodgingRenterName ?? ""
            try c.text(&name, 26)
            if c.isDecoding { a.lodgingRenterName = name }
        default:
            var details = a.additionalAmounts.count, addenda = a.addendaCount
            let countField = c.fieldNumber
            try c.number(&details, 3)
            try c.number(&addenda, 3)
            guard c.isDecoding else { return }
            // The engine sends group 35 only with a record to count, and the host takes at most 5 + 6.
            guard details + addenda > 0, details <= 5, addenda <= 6 else {
                throw RecordCodingError(
                    fieldNumber: countField, data: "\(details)/\(addenda)",
                    reason: "group 35 counts at least one record, at most 5 TAD and 6 addenda records")
            }
            a.additionalAmounts = Array(repeating: AmexTransactionAdvice.AdditionalAmount(type: "000", amount: .zero), count: details)
            a.retailItems = Array(repeating: AmexTransactionAdvice.RetailItem(description: "", unitAmount: .zero), count: addenda)
        }
    }

    /// Group 43 (§4.28): policy, coverage dates (CCYYMMDD), premium frequency, second policy, type, insured.
    private static func insurance<C: FieldCoder>(_ value: inout AmexInsurance?, _ c: inout C) throws(RecordCodingError) {
        var i = value ?? AmexInsurance(policyNumber: "", coverageStartDate: .placeholder, coverageEndDate: .placeholder, insuredName: "")
        try c.text(&i.policyNumber, 23)
        try c.date(&i.coverageStartDate, .centuryYearMonthDay)
        try c.date(&i.coverageEndDate, .centuryYearMonthDay)
        try c.text(&i.premiumFrequency, 7)
        try c.text(&i.additionalPolicyNumber, 23)
        try c.text(&i.policyType, 25)
        try c.text(&i.insuredName, 30)
        if c.isDecoding { value = i }
    }

    /// Group 36: name, address, city, region, country, postal code.
    private static func location<C: FieldCoder>(_ value: inout LocationDetail?, _ c: inout C) throws(RecordCodingError) {
        var l = value ?? LocationDetail(name: "", city: "", region: "", country: "", postalCode: "")
        try c.text(&l.name, 38)
        try c.text(&l.address, 38)
        try c.text(&l.city, 21)
        try c.text(&l.region, 3)
        try c.text(&l.country, 3)
        try c.text(&l.postalCode, 15)
        if c.isDecoding { value = l }
    }

    /// Group 16: the only value the spec allows is `9` (a payment on an existing debt).
    private static func existingDebt<C: FieldCoder>(_ value: inout Bool, _ c: inout C) throws(RecordCodingError) {
        let number = c.fieldNumber
        var text = "9"
        try c.text(&text, 1)
        if c.isDecoding {
            guard text == "9" else { throw RecordCodingError(fieldNumber: number, data: text, reason: "existing debt indicator must be 9") }
            value = true
        }
    }

    private static func version<C: FieldCoder>(_ c: inout C) throws(RecordCodingError) {
        let number = c.fieldNumber
        var version = networkDataVersion
        try c.number(&version, 3)
        if c.isDecoding && version != networkDataVersion {
            throw RecordCodingError(fieldNumber: number, data: String(version), reason: "unknown version number")
        }
    }

    private static func optionalText<C: FieldCoder>(_ value: inout String?, _ width: Int, _ c: inout C) throws(RecordCodingError) {
        var text = value ?? ""
        try c.text(&text, width)
        if c.isDecoding { value = text }
    }

    private static func digitsText<C: FieldCoder>(_ value: inout String?, _ width: Int, _ c: inout C) throws(RecordCodingError) {
        var text = value ?? ""
        try c.numericText(&text, width)
        if c.isDecoding { value = text }
    }

    private static func optionalNumber<C: FieldCoder>(_ value: inout Int?, _ width: Int, _ c: inout C) throws(RecordCodingError) {
        var number = value ?? 0
        try c.number(&number, width)
        if c.isDecoding { value = number }
    }
}
