import SettleModel

extension RandomBatches {
    /// Upper-case text as location details are sent.
    static let upperText = RandomAlphabet.upper + RandomAlphabet.digits + " -.&'"

    /// The production detail groups (6, 11, 14, 16-18, 36-41, 45, 46) on about a third of the details,
    /// each group kept only when Table 3.9 allows it beside what the detail already carries.
    mutating func extendedGroups(_ d: inout DetailRecord, _ industry: IndustryType, gen2: Bool, canadian: Bool) {
        guard rng.chance(35) else { return }
        let brand = d.cardNumber.brand
        // Group 39 first: the advice's charge items need it.
        if brand == .americanExpress, d.level2?.cardType == .americanExpress, rng.chance(50) {
            var l2 = d.level2!
            l2.amexRequesterName = rng.text(0...38)
            l2.amexTotalTaxAmount = rng.chance(20) ? .zero : Amount(minorUnits: Int64(rng.int(1...9_999_999)))
            l2.amexTaxTypeCode = "056"
            var candidate = d
            candidate.level2 = l2
            if GroupCombinationRules.violations(in: candidate.optionalGroups(industry: industry)).isEmpty { d.level2 = l2 }
        }
        var x = ExtendedDetail()
        func keep(_ change: (inout ExtendedDetail) -> Void, _ d: inout DetailRecord) {
            var trial = x
            change(&trial)
            var candidate = d
            candidate.extended = trial
            if GroupCombinationRules.violations(in: candidate.optionalGroups(industry: industry)).isEmpty { x = trial }
        }
        if industry == .hotel && rng.chance(30) {
            let mcc = rng.digits(4)
            keep({ $0.merchantCategoryCodeOverride = mcc }, &d)
        }
        if rng.chance(30) {
            let lane = rng.int(0...99_999_999)
            keep({ $0.laneId = lane }, &d)
        }
        if brand == .visa && rng.chance(20) {
            let value = rng.int(5...7)
            keep({ $0.serviceDevelopmentIndicator = value }, &d)
        }
        if brand == .visa && rng.chance(20) { keep({ $0.existingDebt = true }, &d) }
        if rng.chance(30) {
            let value = rng.pick(["0", "1", "2", "5", "6", "7"])
            keep({ $0.ucafCollectionIndicator = value }, &d)
        }
        if rng.chance(30) {
            let value = rng.pick(["D", "P"])
            keep({ $0.eCommerceGoodsIndicator = value }, &d)
        }
        if brand == .masterCard && rng.chance(40) {
            let code = rng.digits(3)
            keep({ $0.masterCardServiceCode = code }, &d)
        }
        if brand == .visa && rng.chance(40) {
            let code = rng.chance(20) ? "" : rng.text(1...2, RandomAlphabet.alphanumeric)
            keep({ $0.visaCardProductCode = code }, &d)
        }
        if brand == .discover && rng.chance(40) {
            let code = String(Self.discoverPositions.map { rng.pick(Array($0)) })
            let partial = rng.chance(30)
            keep(
                {
                    $0.discoverPosDataCode = code
                    $0.discoverPartialShipment = partial
                }, &d)
        }
        if gen2 && rng.chance(30) {
            let value = rng.pick(["E", "T"])
            keep({ $0.transactionSecurityIndicator = value }, &d)
        }
        if rng.chance(20) {
            let text = rng.text(1...25)
            keep({ $0.softDescriptor = text }, &d)
        }
        if brand == .americanExpress && rng.chance(30) {
            let start = d.transactionDate.adding(days: -rng.int(0...30))
            let insurance = AmexInsurance(
                policyNumber: rng.text(1...23), coverageStartDate: start, coverageEndDate: start.adding(days: rng.int(0...400)),
                premiumFrequency: rng.text(0...7), additionalPolicyNumber: rng.text(0...23), policyType: rng.text(0...25),
                insuredName: rng.text(1...30))
            keep({ $0.amexInsurance = insurance }, &d)
        }
        if brand == .americanExpress && rng.chance(40) {
            let advice = transactionAdvice(d)
            if !advice.groups.isEmpty { keep({ $0.amexTransactionAdvice = advice }, &d) }
        }
        if canadian && brand == .masterCard && rng.chance(50) {
            let taxes = (0..<rng.int(1...6)).map { _ in
                CanadianTax(
                    isIncluded: rng.chance(50), amount: Amount(minorUnits: Int64(rng.int(0...9_999_999))), rate: rng.int(0...99_999),
                    rateExponent: rng.int(0...9), typeApplied: rng.text(0...4, RandomAlphabet.alphanumeric),
                    typeIdentifier: rng.pick(["00", "01", "03", "06", "10", "14", "22"]))
            }
            keep({ $0.canadianTaxes = taxes }, &d)
        }
        let facilitator = rng.chance(30)
        if facilitator || rng.chance(20) {
            let amex = brand == .americanExpress
            let location = LocationDetail(
                name: facilitator
                    ? rng.text(3...3, RandomAlphabet.upper) + "*" + rng.text(1...18, Self.upperText) : rng.text(1...(amex ? 38 : 25), Self.upperText),
                address: facilitator ? "" : rng.text(0...38), city: rng.text(1...(amex ? 21 : 13), Self.upperText),
                region: rng.text(facilitator ? 1...3 : 0...3, RandomAlphabet.upper), country: rng.digits(3),
                postalCode: rng.text(1...15, RandomAlphabet.alphanumeric).uppercased())
            keep({ $0.location = location }, &d)
        }
        if rng.chance(60) {
            let tags = detailExtension(d, facilitator: facilitator && x.location != nil)
            keep({ $0.detailExtension = tags }, &d)
        }
        if !x.isEmpty { d.extended = x }
    }

    /// American Express transaction advice: additional amounts, and the addenda its groups allow.
    private mutating func transactionAdvice(_ d: DetailRecord) -> AmexTransactionAdvice {
        var advice = AmexTransactionAdvice()
        advice.additionalAmounts = (0..<rng.int(0...5)).map { _ in
            AmexTransactionAdvice.AdditionalAmount(
                type: rng.pick(["001", "013", "015", "042", "075"]), amount: Amount(minorUnits: Int64(rng.int(0...99_999))),
                isCredit: rng.chance(20))
        }
        switch rng.int(0...2) {
        case 0:
            advice.retailDepartmentName = rng.text(1...40, Self.upperText)
            if d.gratuity == nil {
                advice.retailItems = (0..<rng.int(0...6)).map { _ in
                    AmexTransactionAdvice.RetailItem(
                        description: rng.text(1...19, Self.upperText), quantity: rng.int(0...999),
                        unitAmount: Amount(minorUnits: Int64(rng.int(0...99_999))))
                }
            }
        case 1:
            advice.lodgingRenterName = rng.text(1...26, Self.upperText)
            if d.gratuity == nil {
                advice.lodgingItems = (0..<rng.int(0...3)).map { _ in
                    AmexTransactionAdvice.LodgingItem(roomRate: Amount(minorUnits: Int64(rng.int(0...99_999))), nights: rng.int(0...99))
                }
            }
        default:
            if d.level2?.hasPurchasingExtension == true && d.gratuity == nil {
                advice.chargeItems = (0..<rng.int(0...4)).map { _ in
                    AmexTransactionAdvice.ChargeItem(quantity: rng.int(0...999), unitAmount: Amount(minorUnits: Int64(rng.int(0...99_999))))
                }
            }
        }
        return advice
    }

    /// Group 40's POS data code, one character list per position (§4.105).
    static let discoverPositions = ["0129", "01234", "01239", "0123459", "019", "019", "04", "01239", "14568", "0", "01234567RSTUV", "0", "0"]

    /// A random, valid set of detail extension tags for the detail.
    private mutating func detailExtension(_ d: DetailRecord, facilitator: Bool) -> DetailExtension {
        let brand = d.cardNumber.brand
        var x = DetailExtension()
        if facilitator {
            x[.paymentFacilitatorId] = rng.digits(11)
            x[.subMerchantId] = rng.text(1...15, RandomAlphabet.alphanumeric)
        }
        // Level II's group 22 already carries the optional amount identifier and amount.
        if rng.chance(30) && (d.level2 == nil || d.level2?.cardType == .americanExpress) {
            var identifier = rng.pick(["0", "1", "2"])
            var amount = identifier == "1" ? tax(of: d.settlementAmount).minorUnits : Int64(rng.int(0...99_999_999))
            // Discover/PayPal take at most 999999 (§4.209).
            if brand == .discover && amount > 999_999 { (identifier, amount) = ("0", Int64(rng.int(0...999_999))) }
            x[.optionalAmountIdentifier] = identifier
            x[.optionalAmount] = identifier == "0" ? "0" : String(amount)
        }
        if rng.chance(20) {
            // PON replaces the purchase order number of Level II and III on the wire: the same one, if any.
            let given = [d.level2?.purchaseOrderNumber ?? "", d.level3?.purchaseOrder ?? ""].filter { !$0.isEmpty }
            if Set(given).count <= 1 { x[.purchaseOrderNumber] = given.first ?? rng.text(1...(brand == .visa ? 17 : 25)) }
        }
        if brand == .masterCard && rng.chance(20) { x[.paymentTransactionIndicator] = rng.pick(["C01", "C02", "C03", "C04", "C05", "C06"]) }
        if rng.chance(20) { x[.iiasIndicator] = rng.pick(["0", "1", "2"]) }
        if rng.chance(20) { x[.merchantSellerId] = rng.text(1...20) }
        if rng.chance(15) { x[.customIdentifier] = rng.pick(["CUSORD", "TRKNUM", "RESNUM"]) + rng.text(1...76) }
        if rng.chance(15) { x[.associationTimestamp] = rng.digits(rng.int(1...10)) }
        if rng.chance(15) { x[.transitTransactionType] = rng.pick(["01", "02", "03", "04", "05", "07"]) }
        if rng.chance(15) { x[.transportationMode] = String(format2: rng.int(0...22)) }
        if rng.chance(15) { x[.transactionFee] = rng.pick(["C", "D"]) + rng.digits(8) }
        if rng.chance(15) { x[.domainServer] = rng.pick(["0", "1", "2"]) }
        if rng.chance(15) { x[.mobileDeviceType] = String(format2: rng.int(0...19)) }
        if d.level3?.cardType == .visa && rng.chance(40) { x[.discountTreatmentCode] = rng.pick(["0", "1", "2"]) }
        if d.level3?.cardType == .visa && rng.chance(40) { x[.taxTreatmentCode] = rng.pick(["0", "1", "2", "3", "4"]) }
        if rng.chance(15) { x[.spendQualifiedIndicator] = rng.pick(["B", "N", "Q"]) }
        if rng.chance(25) { x[.tokenAssuranceLevel] = rng.text(1...2, RandomAlphabet.alphanumeric) }
        if rng.chance(25) { x[.tokenRequestorId] = rng.text(1...11, RandomAlphabet.alphanumeric) }
        if rng.chance(15) { x[.accountRangeStatus] = rng.pick(["R", "N"]) }
        if rng.chance(15) { x[.walletIdentifier] = rng.text(1...3, RandomAlphabet.alphanumeric) }
        if rng.chance(15) { x[.isoId] = rng.digits(11) }
        if brand == .visa && rng.chance(15) { x[.digitalEntityIdentifier] = rng.text(1...5, RandomAlphabet.alphanumeric) }
        if rng.chance(15) { x[.multiClearingIndicator] = rng.pick(["M", "F"]) }
        if x.isEmpty { x[.tokenRequestorId] = rng.text(1...11, RandomAlphabet.alphanumeric) }
        return x
    }
}

extension String {
    /// Two digits, zero-filled.
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}
