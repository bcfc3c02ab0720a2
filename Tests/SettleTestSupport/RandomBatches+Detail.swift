import SettleModel

extension RandomBatches {
    mutating func detail(_ industry: IndustryType, _ transmission: LocalDate) -> DetailRecord {
        let kind = transactionType(industry)
        let brand = cardBrand(industry, kind)
        let settlement = Amount(minorUnits: Int64(rng.int(2...9_999_999)))
        let sale = !kind.isCredit && !kind.isForce
        let date = date(before: transmission, within: 0...363)
        var d = DetailRecord(
            transactionType: kind, cardholderId: rng.pick(["@", "N", "Z", "M"]), accountDataSource: rng.pick(["@", "D", "H", "T", "X"]),
            cardNumber: CardNumber(card(brand)), settlementAmount: settlement,
            authorizedAmount: sale ? Amount(minorUnits: Int64(rng.int(1...9_999_999))) : .zero,
            transactionDate: date, transactionTime: TimeOfDay(hour: rng.int(0...23), minute: rng.int(0...59), second: rng.int(0...59)),
            transactionNumber: rng.int(1...9999),
            approvalCode: kind.isCredit ? "" : rng.text(1...1, RandomAlphabet.upper) + rng.text(0...5, RandomAlphabet.alphanumeric),
            authorizationSource: kind == .offlineCredit ? "9" : kind.isForce ? rng.pick(["6", "D", "E"]) : rng.pick(["1", "5", "7"]),
            requestedACI: rng.pick(["Y", "P", "E"]), responseACI: kind.isCredit ? "" : rng.pick(["", "A", "E", "C"]),
            responseCode: sale ? rng.pick(["00", "85", "10"]) : "", avsResult: rng.pick(["0", "Y", "N", "Z"]),
            transactionId: rng.chance(70) ? rng.text(15...15, RandomAlphabet.upper) : "",
            validationCode: rng.text(0...4, RandomAlphabet.alphanumeric),
            reimbursementAttribute: rng.pick(["0", "A", "Z"]), authorizationReversalSent: rng.chance(10), debitAcknowledgementMissing: rng.chance(10),
            posDataCode: rng.text(12...12, RandomAlphabet.alphanumeric))
        if rng.chance(20) { d.merchantVerificationValue = rng.text(10...10, RandomAlphabet.hexadecimal) }
        if kind.isDebit {
            d.debit = DirectDebit(
                retrievalReferenceNumber: rng.text(12...12, RandomAlphabet.alphanumeric), systemTraceAuditNumber: rng.int(0...999_999),
                networkId: rng.text(1...1, RandomAlphabet.upper), settlementDate: self.date(before: transmission, within: 0...30))
        }
        industryGroups(&d, industry, transmission)
        chip(&d)
        return d
    }

    /// A chip addendum on about a quarter of the card-present details, and on every one whose
    /// POS data code says the chip was read where the brand requires the addendum.
    private mutating func chip(_ d: inout DetailRecord) {
        if d.transactionType.isCardNotPresent {
            // Card-not-present details do not read a chip: keep the POS data code from saying so.
            if BatchValidator.readsChip(d) { d.posDataCode = "ZZZZZZZZZZZZ" }
            return
        }
        guard BatchValidator.readsChip(d) || rng.chance(25) else { return }
        let brand = d.cardNumber.brand
        let arqc = rng.chance(50)
        func hex(_ bytes: Int) -> String { rng.text((bytes * 2)...(bytes * 2), RandomAlphabet.hexadecimal) }
        func optionalHex(_ bytes: ClosedRange<Int>, required: Bool) -> String {
            guard required || rng.chance(50) else { return "" }
            let count = rng.int(bytes)
            return rng.text((count * 2)...(count * 2), RandomAlphabet.hexadecimal)
        }
        d.accountDataSource = rng.pick(["G", "R"])
        d.chip = ChipData(
            transactionType: rng.pick(["00", "01", "20"]), terminalTransactionDate: d.transactionDate,
            terminalVerificationResults: hex(5), currencyCode: "840", applicationTransactionCounter: hex(2),
            applicationInterchangeProfile: hex(2), applicationCryptogram: hex(8), unpredictableNumber: hex(4),
            issuerApplicationData: optionalHex(1...32, required: brand == .visa || brand == .americanExpress),
            cryptogramInformationData: arqc ? "80" : rng.pick(["40", "00"]),
            terminalCapabilities: optionalHex(3...3, required: brand == .visa || brand == .discover),
            cardSequenceNumber: rng.int(0...99), issuerAuthenticationData: optionalHex(8...16, required: false),
            cvmResults: optionalHex(3...3, required: brand == .masterCard),
            issuerScriptResults: rng.chance(30) ? hex(5 * rng.int(1...5)) : "", formFactorIndicator: optionalHex(4...4, required: false),
            cryptogramAmount: arqc ? Amount(minorUnits: Int64(rng.int(0...9_999_999))) : nil)
    }

    private mutating func transactionType(_ industry: IndustryType) -> TransactionType {
        switch industry {
        case .directMarketing: rng.pick([.cardNotPresent, .cardNotPresent, .forceCardNotPresent, .offlineCredit])
        case .retail, .groceryStore, .restaurant, .unknown:
            rng.pick([.cardPresent, .cardPresent, .cardNotPresent, .forceCardPresent, .offlineCredit, .debitPurchase, .debitRefund])
        default: rng.pick([.cardPresent, .cardNotPresent, .forceCardPresent, .offlineCredit])
        }
    }

    private mutating func cardBrand(_ industry: IndustryType, _ kind: TransactionType) -> CardBrand {
        switch industry {
        case .autoRental: rng.pick([.visa, .masterCard, .discover, .americanExpress])
        case .passengerTransport: rng.pick([.visa, .visa, .masterCard])
        default: rng.pick([.visa, .masterCard, .americanExpress, .discover])
        }
    }

    private mutating func carried(_ d: inout DetailRecord, folio: Bool = false) {
        d.totalAuthorizedAmount = Amount(minorUnits: Int64(rng.int(0...9_999_999)))
        // American Express uses only 9 characters of an order number and 12 of a folio (§4.224).
        let longest = d.cardNumber.brand == .americanExpress ? (folio ? 12 : 9) : 25
        let identifier = rng.text(0...longest)
        d.purchaseIdentifier = identifier.allSatisfy { $0 == "0" } ? "" : identifier
    }

    private mutating func industryGroups(_ d: inout DetailRecord, _ industry: IndustryType, _ transmission: LocalDate) {
        let brand = d.cardNumber.brand
        switch industry {
        case .directMarketing:
            carried(&d)
            let count = rng.int(0...99)
            d.cardNotPresent = CardNotPresentData(
                motoIndicator: rng.pick(["1", "2", "3", "7", "8"]), installmentNumber: rng.int(0...count), installmentCount: count)
            if !d.transactionType.isCredit && (brand == .visa || brand == .masterCard) && rng.chance(30) { d.level3 = level3(d) }
        case .hotel:
            carried(&d, folio: true)
            var lodging = Lodging(
                checkInDate: d.transactionDate.adding(days: -rng.int(0...20)), noShow: rng.pick(["0", "1"]),
                extraCharges: rng.text(0...6, "234567"))
            if brand == .americanExpress && rng.chance(70) {
                let type = rng.pick(HotelChargeType.allCases)
                lodging.noShow = type == .hotel ? rng.pick(["", "2", "3"]) : "1"
                lodging.amex = LodgingAmex(
                    chargeType: type, stayDuration: rng.int(0...99), roomRate: Amount(minorUnits: Int64(rng.int(0...9_999_999))))
            }
            d.lodging = lodging
        case .autoRental:
            carried(&d)
            var rental = AutoRental(
                rentalDate: d.transactionDate.adding(days: -rng.int(0...30)), noShow: rng.chance(10), extraCharges: rng.text(0...6, "12345"))
            if brand == .americanExpress {
                rental.amex = amexRental(d, rentalDate: rental.rentalDate)
            } else if rng.chance(50) {
                rental.returnDetails = AutoRentalReturn(
                    renterName: rng.text(0...20), returnCity: rng.text(0...18), returnStateOrCountry: rng.text(0...3, RandomAlphabet.upper),
                    returnLocationId: rng.text(0...10))
            }
            d.autoRental = rental
        case .passengerTransport:
            if brand == .visa { d.passengerTransport = passenger(d) }
        case .restaurant, .retail, .groceryStore, .unknown:
            commercialOrExtras(&d, industry)
        }
        if d.level3 == nil && d.lodging == nil && d.autoRental == nil && d.level2?.cardType != .americanExpress && rng.chance(20) {
            d.marketSpecificData = rng.pick(["B", "M", "E"])
            // Transaction code 5B leaves the card's presence to the cardholder id (N: not present).
            if d.marketSpecificData == "B" && d.transactionType.billPaymentTransactionCode == "5B" {
                d.cardholderId = d.transactionType.isCardNotPresent ? "N" : rng.pick(["@", "Z", "M"])
            }
        }
    }

    private mutating func commercialOrExtras(_ d: inout DetailRecord, _ industry: IndustryType) {
        let brand = d.cardNumber.brand
        let goods = !d.transactionType.isCredit && !d.transactionType.isDebit
        switch rng.int(0...3) {
        case 0 where goods && (brand == .visa || brand == .masterCard):
            d.level3 = level3(d)
            carried(&d)
        case 1 where goods && brand != .discover:
            d.level2 = level2(d)
        case 2 where goods && industry != .restaurant && d.settlementAmount.minorUnits > 1:
            d.cashBack = Amount(minorUnits: Int64(rng.int(1...Int(d.settlementAmount.minorUnits - 1))))
        default:
            if industry != .unknown && rng.chance(50) { d.gratuity = Amount(minorUnits: Int64(rng.int(0...9_999_999))) }
        }
    }

    mutating func tax(of amount: Amount) -> Amount {
        // 0.1% to 22% of the sale, rounded so the integer rule holds.
        let low = (amount.minorUnits + 999) / 1000, high = amount.minorUnits * 22 / 100
        return Amount(minorUnits: low <= high ? Int64(rng.int(Int(low)...Int(high))) : 0)
    }

    private mutating func level2(_ d: DetailRecord) -> Level2 {
        switch d.cardNumber.brand {
        case .americanExpress:
            var l2 = Level2(
                cardType: .americanExpress, amexSupplierNumber: rng.text(0...9), amexCardholderReference: rng.text(0...17),
                amexShippedToZip: rng.text(0...6, RandomAlphabet.alphanumeric),
                amexSalesTax: rng.chance(50) ? Amount(minorUnits: Int64(rng.int(1...999_999))) : nil,
                amexChargeDescriptor: rng.text(0...40))
            if !l2.amexChargeDescriptor.isEmpty && rng.chance(40) {
                l2.amexChargeDescriptor2 = rng.text(1...40)
                l2.amexChargeDescriptor3 = rng.text(0...40)
                l2.amexChargeDescriptor4 = rng.text(0...40)
            }
            return l2
        default:
            let exempt = rng.chance(30)
            let tax = exempt || rng.chance(30) ? nil : self.tax(of: d.settlementAmount)
            return Level2(
                cardType: d.cardNumber.brand == .masterCard ? .masterCard : .visa, isTaxExempt: exempt,
                localSalesTax: tax == .zero ? nil : tax, purchaseOrderNumber: rng.text(0...17))
        }
    }

    private mutating func level3(_ d: DetailRecord) -> Level3 {
        let visa = d.cardNumber.brand == .visa
        let localTax: TaxAmount =
            switch rng.int(0...2) {
            case 0: .notProvided
            case 1: .exempt
            default: tax(of: d.settlementAmount) == .zero ? .notProvided : .amount(tax(of: d.settlementAmount))
            }
        var l3 = Level3(
            cardType: visa ? .visa : .masterCard, localTax: localTax,
            nationalTax: rng.chance(50) ? Amount(minorUnits: Int64(rng.int(0...99_999))) : nil, purchaseOrder: rng.text(0...17),
            freightAmount: Amount(minorUnits: Int64(rng.int(0...99_999))), dutyAmount: Amount(minorUnits: Int64(rng.int(0...99_999))),
            destinationZip: rng.text(0...10, RandomAlphabet.alphanumeric), shipFromZip: rng.text(0...10, RandomAlphabet.alphanumeric),
            destinationCountry: rng.pick(["840", "124", "USA", ""]))
        if visa {
            l3.merchantTaxId = rng.text(0...20)
            l3.customerTaxId = rng.text(0...13)
            l3.commodityCode = rng.text(0...4)
            l3.discountAmount = Amount(minorUnits: Int64(rng.int(0...9_999)))
            l3.taxInvoiceNumber = rng.text(0...15)
            l3.orderDate = rng.chance(50) ? d.transactionDate.adding(days: -rng.int(0...60)) : nil
            l3.freightTaxAmount = Amount(minorUnits: Int64(rng.int(0...9_999)))
            l3.freightTaxRate = rng.int(0...9999)
        } else if rng.chance(50) {
            l3.alternateTaxAmount = Amount(minorUnits: Int64(rng.int(0...999_999_999)))
        }
        l3.lineItems = (0..<rng.int(1...3)).map { _ in lineItem(visa) }
        return l3
    }

    private mutating func lineItem(_ visa: Bool) -> LineItem {
        var item = LineItem(
            description: rng.text(1...35), productCode: rng.text(0...12), quantity: Int64(rng.int(1...99_999_999)),
            unitOfMeasure: rng.text(0...12), taxAmount: Amount(minorUnits: Int64(rng.int(0...99_999))), taxRate: rng.int(0...9999),
            discountAmount: Amount(minorUnits: Int64(rng.int(0...9_999))), total: Amount(minorUnits: Int64(rng.int(0...9_999_999))))
        if visa {
            item.commodityCode = rng.text(0...12)
            item.unitCost = Amount(minorUnits: Int64(rng.int(0...9_999_999)))
        } else {
            item.debitCreditIndicator = rng.pick(["C", "D"])
            item.alternateTaxId = rng.text(0...15)
            item.taxType = rng.text(0...4)
            item.discountIndicator = rng.pick(["", "Y", "N"])
            item.netGrossIndicator = rng.pick(["", "Y", "N"])
            item.discountRate = rng.int(0...99_999)
        }
        return item
    }

    private mutating func passenger(_ d: DetailRecord) -> PassengerTransport {
        let count = rng.int(1...99)
        return PassengerTransport(
            restrictedTicket: rng.chance(50), passengerNumber: rng.int(1...count), passengerCount: count, ticketNumber: rng.text(1...13),
            passengerName: rng.text(1...20), departureDate: d.transactionDate.adding(days: rng.int(0...200)),
            origin: rng.text(3...3, RandomAlphabet.upper),
            legs: (0..<rng.int(1...4)).map { _ in
                TripLeg(
                    carrier: rng.text(2...2, RandomAlphabet.upper), serviceClass: rng.text(1...1, RandomAlphabet.upper),
                    stopOver: rng.pick(["", "O", "X"]), destination: rng.text(3...3, RandomAlphabet.upper))
            })
    }

    /// Group 42: an American Express rental, picked up on the rental date and returned on the
    /// detail's transaction date.
    private mutating func amexRental(_ d: DetailRecord, rentalDate: LocalDate) -> AmexAutoRental {
        func time() -> TimeOfDay { TimeOfDay(hour: rng.int(0...23), minute: rng.int(0...59), second: rng.int(0...59)) }
        let audit = rng.pick(["", "X", "Y", "Z"])
        let distance = rng.chance(70) ? rng.int(1...99_999) : 0
        return AmexAutoRental(
            agreementNumber: rng.text(1...14), pickupLocation: rng.text(0...38), pickupCity: rng.text(1...18),
            pickupRegion: rng.text(0...3, RandomAlphabet.upper), pickupCountry: rng.digits(3), pickupDate: rentalDate, pickupTime: time(),
            returnCity: rng.text(1...18), returnRegion: rng.text(0...3, RandomAlphabet.upper), returnCountry: rng.digits(3),
            returnDate: d.transactionDate, returnTime: time(), renterName: rng.text(1...26),
            vehicleClassId: rng.pick(["", "0001", "0017", "0032", "9999"]), distance: distance,
            distanceUnit: distance > 0 ? rng.pick(["M", "K"]) : rng.pick(["", "M"]), auditAdjustmentIndicator: audit,
            auditAdjustmentAmount: audit.isEmpty ? .zero : Amount(minorUnits: Int64(rng.int(0...9_999_999))))
    }
}
