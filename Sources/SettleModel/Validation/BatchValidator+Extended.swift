extension BatchValidator {
    /// Upper-case printable text, as location detail names and cities are sent (§4.174).
    static let upperCaseText = CharacterRule(
        String((32...126).filter { !(97...122).contains($0) }.map { Character(UnicodeScalar($0)) }),
        explanation: "upper-case printable characters")
    /// Postal codes: upper-case letters, digits, spaces and hyphens.
    static let postalCode = CharacterRule(
        CharacterRule.digitCharacters + CharacterRule.upperCharacters + " -", explanation: "upper-case letters, digits, spaces and hyphens")
    /// Region codes: upper-case letters and digits.
    static let upperAlphanumeric = CharacterRule(
        CharacterRule.digitCharacters + CharacterRule.upperCharacters, explanation: "upper-case letters and digits")

    /// The production detail groups (`docs/wire/detail-groups.md`). Table 3.9's combinations are
    /// checked with every other group in ``checkGroupCombinations(_:at:industry:_:)``.
    func checkExtended(_ d: DetailRecord, at p: JSONPath, in batch: Batch, _ c: inout IssueCollector) {
        d.$level2.with { l2 in
            if l2.cardType == .americanExpress && l2.hasPurchasingExtension {
                checkAmexPurchasing(l2, card: d.cardNumber.digits, at: p + "/level2", &c)
            }
        }
        guard let x = d.extended else { return }
        let brand = d.cardNumber.brand
        if let mcc = x.merchantCategoryCodeOverride {
            c.digits(mcc, p + "/merchantCategoryCodeOverride", length: 4, exact: true)
            if batch.industryType != .hotel {
                c.report(
                    .missingOrErroneousValue, p + "/merchantCategoryCodeOverride",
                    "is only sent in hotel batches, for a charge not made at the front desk (group 6, §4.182)")
            }
        }
        if let lane = x.laneId { c.range(lane, p + "/laneId", 0...99_999_999) }
        if let indicator = x.serviceDevelopmentIndicator {
            c.range(indicator, p + "/serviceDevelopmentIndicator", Codes.serviceDevelopmentIndicators)
            only(.visa, brand, p + "/serviceDevelopmentIndicator", "group 14, Table 4.52", &c)
        }
        if x.existingDebt { only(.visa, brand, p + "/existingDebt", "group 16, §4.120", &c) }
        if let ucaf = x.ucafCollectionIndicator { c.code(ucaf, p + "/ucafCollectionIndicator", in: Codes.ucafCollectionIndicators) }
        if let goods = x.eCommerceGoodsIndicator { c.code(goods, p + "/eCommerceGoodsIndicator", in: Codes.eCommerceGoodsIndicators) }
        if let service = x.masterCardServiceCode {
            c.digits(service, p + "/masterCardServiceCode", length: 3, exact: true)
            only(.masterCard, brand, p + "/masterCardServiceCode", "group 37", &c)
        }
        if let product = x.visaCardProductCode {
            // Two spaces (an empty value) is what a credit or an off-line sale sends (§4.52).
            c.text(product, p + "/visaCardProductCode", length: 2, allowed: .alphanumeric)
            only(.visa, brand, p + "/visaCardProductCode", "group 38", &c)
        }
        if x.discoverPosDataCode != nil || x.discoverPartialShipment { checkDiscover(x, brand: brand, at: p, &c) }
        if let security = x.transactionSecurityIndicator {
            c.code(security, p + "/transactionSecurityIndicator", in: Codes.transactionSecurityIndicators)
            if batch.settings.genKey == nil {
                c.report(
                    .missingOrErroneousValue, p + "/transactionSecurityIndicator",
                    "needs Gen2 terminal authentication, which encryption and tokenization require (§4.303): set genKey (header group 4)")
            }
        }
        let card = d.cardNumber.digits
        if let descriptor = x.softDescriptor {
            c.text(descriptor, p + "/softDescriptor", length: 25, required: true)
            c.withoutCardNumber(descriptor, p + "/softDescriptor", card: card)
        }
        if let location = x.location {
            checkLocation(
                location, facilitator: x.detailExtension[.paymentFacilitatorId] != nil, brand: brand, card: card, at: p + "/location", &c)
        }
        if !x.detailExtension.isEmpty { checkDetailExtension(x.detailExtension, of: d, at: p, &c) }
        if let advice = x.amexTransactionAdvice { checkAdvice(advice, of: d, card: card, at: p + "/amexTransactionAdvice", &c) }
        if !x.canadianTaxes.isEmpty {
            checkCanadianTaxes(x.canadianTaxes, brand: brand, at: p + "/canadianTaxes", &c)
            if batch.merchant.countryCode != "124" {
                c.report(
                    .missingOrErroneousValue, p + "/canadianTaxes",
                    "are Canada intracountry data (§3.2.12): the merchant's countryCode must be 124, got \(batch.merchant.countryCode)")
            }
        }
        if let insurance = x.amexInsurance {
            only(.americanExpress, brand, p + "/amexInsurance", "group 43", &c)
            checkInsurance(insurance, card: card, at: p + "/amexInsurance", &c)
        }
    }

    private func only(_ wanted: CardBrand, _ brand: CardBrand, _ path: @autoclosure () -> JSONPath, _ source: String, _ c: inout IssueCollector) {
        guard brand != wanted else { return }
        let name = wanted == .visa ? "Visa" : wanted == .masterCard ? "MasterCard" : wanted == .discover ? "Discover" : "American Express"
        c.report(.missingOrErroneousValue, path(), "is only sent for \(name) cards (\(source))")
    }

    /// Group 39: requester name, total tax and the tax type (`056`, sales tax, for US merchants).
    private func checkAmexPurchasing(_ l2: Level2, card: String, at q: JSONPath, _ c: inout IssueCollector) {
        c.text(l2.amexRequesterName, q + "/amexRequesterName", length: 38)
        c.withoutCardNumber(l2.amexRequesterName, q + "/amexRequesterName", card: card)
        if let tax = l2.amexTotalTaxAmount {
            c.amount(tax, q + "/amexTotalTaxAmount")
        } else {
            c.report(.missingOrErroneousValue, q + "/amexTotalTaxAmount", "is required with amexRequesterName or amexTaxTypeCode (group 39)")
        }
        c.digits(l2.amexTaxTypeCode, q + "/amexTaxTypeCode", length: 3, exact: true)
    }

    /// Groups 33-35 and the `A@@@@` records (§3.2.13-3.2.16): American Express only; each kind of
    /// addendum needs its group (retail 33, lodging 34, charge items 39) and has its own maximum.
    private func checkAdvice(_ a: AmexTransactionAdvice, of d: DetailRecord, card: String, at q: JSONPath, _ c: inout IssueCollector) {
        only(.americanExpress, d.cardNumber.brand, q, "groups 33-35", &c)
        if let name = a.retailDepartmentName {
            c.text(name, q + "/retailDepartmentName", length: 40, required: true, allowed: Self.upperCaseText)
            c.withoutCardNumber(name, q + "/retailDepartmentName", card: card)
        }
        if let name = a.lodgingRenterName {
            c.text(name, q + "/lodgingRenterName", length: 26, required: true, allowed: Self.upperCaseText)
            c.withoutCardNumber(name, q + "/lodgingRenterName", card: card)
        }
        func most(_ count: Int, _ limit: Int, _ member: String, _ why: String) {
            if count > limit { c.report(.outOfRange, q + "/\(member)", "holds at most \(limit) (\(why)), got \(count)") }
        }
        most(a.additionalAmounts.count, 5, "additionalAmounts", "group 35")
        most(a.retailItems.count, 6, "retailItems", "group 35")
        most(a.lodgingItems.count, 3, "lodgingItems", "group 35")
        most(a.chargeItems.count, 4, "chargeItems", "group 35")
        if !a.retailItems.isEmpty && a.retailDepartmentName == nil {
            c.report(.missingOrErroneousValue, q + "/retailDepartmentName", "is required with retailItems (group 33)")
        }
        if !a.lodgingItems.isEmpty && a.lodgingRenterName == nil {
            c.report(.missingOrErroneousValue, q + "/lodgingRenterName", "is required with lodgingItems (group 34)")
        }
        if !a.chargeItems.isEmpty && d.$level2.with({ $0.hasPurchasingExtension }) != true {
            c.report(
                .missingOrErroneousValue, q + "/chargeItems",
                "need the corporate purchasing data of level2 (amexRequesterName, amexTotalTaxAmount; group 39)")
        }
        if a.addendaCount > 0 && d.gratuity != nil {
            c.report(.missingOrErroneousValue, q, "a restaurant sale (gratuity) carries no transaction advice addenda (group 35)")
        }
        for (index, line) in a.additionalAmounts.enumerated() {
            c.code(line.type, q + "/additionalAmounts/\(index)/type", in: Codes.additionalAmountTypes)
            c.amount(line.amount, q + "/additionalAmounts/\(index)/amount")
        }
        for (index, item) in a.retailItems.enumerated() {
            c.text(item.description, q + "/retailItems/\(index)/description", length: 19, required: true, allowed: Self.upperCaseText)
            c.withoutCardNumber(item.description, q + "/retailItems/\(index)/description", card: card)
            c.range(item.quantity, q + "/retailItems/\(index)/quantity", 0...999)
            c.amount(item.unitAmount, q + "/retailItems/\(index)/unitAmount")
        }
        for (index, item) in a.lodgingItems.enumerated() {
            c.amount(item.roomRate, q + "/lodgingItems/\(index)/roomRate")
            c.range(item.nights, q + "/lodgingItems/\(index)/nights", 0...99)
        }
        for (index, item) in a.chargeItems.enumerated() {
            c.range(item.quantity, q + "/chargeItems/\(index)/quantity", 0...999)
            c.amount(item.unitAmount, q + "/chargeItems/\(index)/unitAmount")
        }
    }

    /// Group 29 and its records (§3.2.12): MasterCard Canada intracountry commercial data, 1-6 taxes.
    private func checkCanadianTaxes(_ taxes: [CanadianTax], brand: CardBrand, at q: JSONPath, _ c: inout IssueCollector) {
        only(.masterCard, brand, q, "§3.2.12", &c)
        if taxes.count > 6 { c.report(.outOfRange, q, "holds at most 6 taxes (group 29), got \(taxes.count)") }
        for (index, tax) in taxes.enumerated() {
            let t = q + "/\(index)"
            c.amount(tax.amount, t + "/amount")
            c.range(tax.rate, t + "/rate", 0...99_999)
            c.range(tax.rateExponent, t + "/rateExponent", 0...9)
            c.text(tax.typeApplied, t + "/typeApplied", length: 4, allowed: .alphanumeric)
            c.code(tax.typeIdentifier, t + "/typeIdentifier", in: Codes.canadianTaxTypes)
        }
    }

    /// Group 43 (§4.28).
    private func checkInsurance(_ i: AmexInsurance, card: String, at q: JSONPath, _ c: inout IssueCollector) {
        c.text(i.policyNumber, q + "/policyNumber", length: 23, required: true)
        for (name, value) in [("policyNumber", i.policyNumber), ("additionalPolicyNumber", i.additionalPolicyNumber), ("policyType", i.policyType)] {
            c.withoutCardNumber(value, q + "/\(name)", card: card)
        }
        c.date(i.coverageStartDate, q + "/coverageStartDate")
        c.date(i.coverageEndDate, q + "/coverageEndDate")
        if i.coverageStartDate.isValid && i.coverageEndDate.isValid && i.coverageEndDate < i.coverageStartDate {
            c.report(.outOfRange, q + "/coverageEndDate", "must not be before coverageStartDate (§4.28.3)")
        }
        c.text(i.premiumFrequency, q + "/premiumFrequency", length: 7)
        c.text(i.additionalPolicyNumber, q + "/additionalPolicyNumber", length: 23)
        c.text(i.policyType, q + "/policyType", length: 25)
        c.text(i.insuredName, q + "/insuredName", length: 30, required: true)
        c.withoutCardNumber(i.insuredName, q + "/insuredName", card: card)
    }

    /// Group 40: the 13-position Discover/PayPal POS data code, each position from its own list.
    private func checkDiscover(_ x: ExtendedDetail, brand: CardBrand, at p: JSONPath, _ c: inout IssueCollector) {
        let field = p + "/discoverPosDataCode"
        only(.discover, brand, x.discoverPosDataCode == nil ? p + "/discoverPartialShipment" : field, "group 40", &c)
        guard let code = x.discoverPosDataCode else {
            return c.report(.missingOrErroneousValue, field, "is required with discoverPartialShipment (group 40)")
        }
        let bytes = Array(code.utf8)
        guard bytes.count == 13 else {
            return c.report(bytes.isEmpty ? .missingOrErroneousValue : .invalidLength, field, "must be exactly 13 characters, got \(bytes.count)")
        }
        for (position, rule) in Codes.discoverPosDataCode.enumerated() where !rule.accepts(bytes[position]) {
            return c.report(.outOfRange, field, "position \(position + 1) must be one of \(rule.explanation) (§4.105)")
        }
    }

    /// Group 36. With a payment facilitator id it is usage 2, the sub-merchant (§4.174.2).
    private func checkLocation(
        _ l: LocationDetail, facilitator: Bool, brand: CardBrand, card: String, at q: JSONPath, _ c: inout IssueCollector
    ) {
        // Other brands use only 25 characters of the name and 13 of the city (§4.174.1): refused
        // rather than cut by the host.
        let amex = brand == .americanExpress
        c.text(l.name, q + "/name", length: amex ? 38 : 25, required: true, allowed: Self.upperCaseText)
        c.text(l.address, q + "/address", length: 38)
        c.withoutCardNumber(l.address, q + "/address", card: card)
        c.text(l.city, q + "/city", length: amex ? 21 : 13, required: true, allowed: Self.upperCaseText)
        c.text(l.region, q + "/region", length: 3, required: facilitator, allowed: Self.upperAlphanumeric)
        c.digits(l.country, q + "/country", length: 3, exact: true)
        c.text(l.postalCode, q + "/postalCode", length: 15, required: facilitator, allowed: Self.postalCode)
        guard facilitator else { return }
        let name = Array(l.name.utf8)
        if name.count > 22 || name.count < 5 || name[3] != UInt8(ascii: "*") {
            c.report(
                .invalidFormat, q + "/name",
                "for a payment facilitator's sub-merchant must be the first 3 characters of the facilitator's name, '*', and up to 18 of the sub-merchant's (§4.174.2)"
            )
        }
        if !l.address.isEmpty {
            c.report(.missingOrErroneousValue, q + "/address", "is not used for a payment facilitator's sub-merchant (§4.174.2)")
        }
        if !l.postalCode.isEmpty && l.postalCode.utf8.allSatisfy({ $0 == 48 }) {
            c.report(.outOfRange, q + "/postalCode", "must not be all zeros for a payment facilitator's sub-merchant (§4.174.2)")
        }
    }

    /// Group 41: each tag's size, format and values, and the rules that tie tags to other data.
    private func checkDetailExtension(_ x: DetailExtension, of d: DetailRecord, at p: JSONPath, _ c: inout IssueCollector) {
        let brand = d.cardNumber.brand
        for entry in x.entries {
            let (object, key) = entry.tag.member
            let path = p + "/\(object)/\(key)"
            let value = entry.value
            if entry.tag.isNumeric {
                c.digits(value, path, length: entry.tag.maximumSize, exact: entry.tag == .isoId || entry.tag == .paymentFacilitatorId)
            } else {
                c.text(value, path, length: entry.tag.maximumSize, required: true, allowed: .printable)
                c.withoutCardNumber(value, path, card: d.cardNumber.digits)
            }
            if let codes = Codes.detailExtensionValues[entry.tag], !value.isEmpty { c.code(value, path, in: codes) }
            switch entry.tag {
            case .customIdentifier:
                if value.utf8.count <= 6 || !Codes.customIdentifierTypes.contains(String(value.prefix(6))) {
                    c.report(.invalidFormat, path, "must be a 6-character type (\(Codes.customIdentifierTypes.listing)) and its detail (§4.89)")
                }
            case .transactionFee:
                let bytes = Array(value.utf8)
                if bytes.count != 9 || (bytes[0] != UInt8(ascii: "C") && bytes[0] != UInt8(ascii: "D"))
                    || !bytes.dropFirst().allSatisfy({ $0 >= 48 && $0 <= 57 })
                {
                    c.report(.invalidFormat, path, "must be C (credit) or D (debit) and 8 digits of minor units (§4.301)")
                }
            case .optionalAmount where brand == .discover && (Int64(value) ?? 0) > 999_999:
                c.report(.outOfRange, path, "must be at most 999999 minor units for Discover/PayPal (§4.209)")
            case .optionalAmount where x[.optionalAmountIdentifier] == "1":
                // A local sales tax, held to the same 0.1%-22% of the sale as Level II's (§4.209).
                if let tax = Int64(value) { checkTaxRate(Amount(minorUnits: tax), of: d.settlementAmount, path, &c) }
            case .purchaseOrderNumber:
                if brand == .visa && value.utf8.count > 17 { c.report(.invalidLength, path, "must be at most 17 characters for Visa (§4.226)") }
                // PON replaces the purchase order number of groups 8, 22 and 25 on the wire (§4.226).
                let others = [
                    ("level2.purchaseOrderNumber", d.level2?.purchaseOrderNumber ?? ""), ("level3.purchaseOrder", d.level3?.purchaseOrder ?? ""),
                ]
                for (name, other) in others where !other.isEmpty && other != value {
                    c.report(.missingOrErroneousValue, path, "replaces \(name) on the wire (§4.226): give the purchase order number once")
                }
            case .optionalAmountIdentifier where d.level2 != nil && d.level2?.cardType != .americanExpress:
                c.report(
                    .missingOrErroneousValue, path,
                    "is the same field as level2's tax identifier (group 22): give isTaxExempt and localSalesTax in level2 instead")
            case .optionalAmount where x[.optionalAmountIdentifier] == "0" && (Int64(value) ?? 0) != 0:
                c.report(.missingOrErroneousValue, path, "must be zero when optionalAmountIdentifier is 0 (not used, §4.209)")
            case .paymentTransactionIndicator: only(.masterCard, brand, path, "§4.219", &c)
            case .mobileDeviceType:
                // 00-19 are defined and 20-99 reserved, which the spec says may appear without notice (§4.194).
                c.digits(value, path, length: 2, exact: true)
            case .digitalEntityIdentifier: only(.visa, brand, path, "Visa Checkout, §4.102", &c)
            case .discountTreatmentCode, .taxTreatmentCode:
                if d.level3?.cardType != .visa {
                    c.report(.missingOrErroneousValue, path, "needs Visa Level III data (detail group 26, §4.146 and §4.280)")
                }
            default: break
            }
        }
        if x[.optionalAmount] != nil && x[.optionalAmountIdentifier] == nil {
            c.report(.missingOrErroneousValue, p + "/detailExtension/optionalAmountIdentifier", "is required with optionalAmount (§4.210)")
        }
        // PFI and SMI go together, with the sub-merchant's location (Table 3.6 notes on ODG 41).
        let facilitator = x[.paymentFacilitatorId] != nil, subMerchant = x[.subMerchantId] != nil
        if facilitator != subMerchant {
            c.report(
                .missingOrErroneousValue, p + (facilitator ? "/paymentFacilitator/subMerchantId" : "/paymentFacilitator/id"),
                "is required: a payment facilitator id and a sub-merchant id are sent together (group 41)")
        }
        if (facilitator || subMerchant) && d.$extended.with({ $0.location == nil }) == true {
            c.report(
                .missingOrErroneousValue, p + "/location",
                "is required with a payment facilitator: the sub-merchant's name, city, region and postal code (group 36 usage 2)")
        }
    }
}
