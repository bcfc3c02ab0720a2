import SettleModel

/// The production detail groups (`docs/wire/detail-groups.md`) and header group 6.
enum ExtendedRules {
    static let d = "/detailRecords/0"

    static func extended(_ batch: inout Batch, _ change: (inout ExtendedDetail) -> Void) {
        var x = batch.detailRecords[0].extended ?? ExtendedDetail()
        change(&x)
        batch.detailRecords[0].extended = x
    }

    static func tags(_ batch: inout Batch, _ values: [DetailExtensionTag: String]) {
        extended(&batch) { x in for (tag, value) in values { x.detailExtension[tag] = value } }
    }

    static let subMerchant = LocationDetail(name: "MON*BOBS CAR WASH", city: "SEATTLE", region: "WA", country: "840", postalCode: "98101")

    /// A payment facilitator's sale, valid until `change` breaks it.
    static func facilitator(_ batch: inout Batch, _ change: (inout ExtendedDetail) -> Void = { _ in }) {
        extended(&batch) {
            $0.location = subMerchant
            $0.detailExtension[.paymentFacilitatorId] = "12345678901"
            $0.detailExtension[.subMerchantId] = "SUB0042"
            change(&$0)
        }
    }

    static func amexPurchasing(_ batch: inout Batch, _ change: (inout Level2) -> Void) {
        RuleCase.amex(&batch)
        var l2 = Level2(cardType: .americanExpress, amexRequesterName: "JANE DOE", amexTotalTaxAmount: 412, amexTaxTypeCode: "056")
        change(&l2)
        batch.detailRecords[0].level2 = l2
    }

    static let amexRental = AmexAutoRental(
        agreementNumber: "RA-7781", pickupCity: "LOS ANGELES", pickupDate: LocalDate(year: 2026, month: 7, day: 20),
        returnCity: "SAN DIEGO", returnDate: LocalDate(year: 2026, month: 7, day: 25), renterName: "JOHN SMITH", distance: 412,
        distanceUnit: "M")
    static let insurance = AmexInsurance(
        policyNumber: "POL-99812", coverageStartDate: LocalDate(year: 2026, month: 8, day: 1),
        coverageEndDate: LocalDate(year: 2027, month: 7, day: 31), insuredName: "JANE DOE")

    static let cases: [RuleCase] = [
        RuleCase("a category code override outside a hotel batch", code: .missingOrErroneousValue, path: d + "/merchantCategoryCodeOverride") {
            extended(&$0) { $0.merchantCategoryCodeOverride = "5812" }
        },
        RuleCase("a category code override of 3 digits", .hotel, code: .invalidLength, path: d + "/merchantCategoryCodeOverride") {
            extended(&$0) { $0.merchantCategoryCodeOverride = "581" }
        },
        RuleCase("a lane id of 9 digits", code: .outOfRange, path: d + "/laneId") { extended(&$0) { $0.laneId = 100_000_000 } },
        RuleCase("a service development indicator of 4", code: .outOfRange, path: d + "/serviceDevelopmentIndicator") {
            extended(&$0) { $0.serviceDevelopmentIndicator = 4 }
        },
        RuleCase("a service development indicator on a MasterCard", code: .missingOrErroneousValue, path: d + "/serviceDevelopmentIndicator") {
            RuleCase.masterCard(&$0)
            extended(&$0) { $0.serviceDevelopmentIndicator = 5 }
        },
        RuleCase("an existing debt payment on a MasterCard", code: .missingOrErroneousValue, path: d + "/existingDebt") {
            RuleCase.masterCard(&$0)
            extended(&$0) { $0.existingDebt = true }
        },
        RuleCase("a UCAF collection indicator of 3", code: .outOfRange, path: d + "/ucafCollectionIndicator") {
            extended(&$0) { $0.ucafCollectionIndicator = "3" }
        },
        RuleCase("an e-commerce goods indicator of X", code: .outOfRange, path: d + "/eCommerceGoodsIndicator") {
            extended(&$0) { $0.eCommerceGoodsIndicator = "X" }
        },
        RuleCase("a UCAF collection indicator beside a gratuity (Table 3.9)", .restaurant, code: .missingOrErroneousValue, path: d) {
            $0.detailRecords[0].gratuity = 500
            extended(&$0) { $0.ucafCollectionIndicator = "2" }
        },
        RuleCase("a MasterCard service code on a Visa card", code: .missingOrErroneousValue, path: d + "/masterCardServiceCode") {
            extended(&$0) { $0.masterCardServiceCode = "101" }
        },
        RuleCase("a MasterCard service code of 2 digits", code: .invalidLength, path: d + "/masterCardServiceCode") {
            RuleCase.masterCard(&$0)
            extended(&$0) { $0.masterCardServiceCode = "10" }
        },
        RuleCase("a Visa card product code of 3 characters", code: .invalidLength, path: d + "/visaCardProductCode") {
            extended(&$0) { $0.visaCardProductCode = "ABC" }
        },
        RuleCase("a Discover POS data code of 12 characters", code: .invalidLength, path: d + "/discoverPosDataCode") {
            $0.detailRecords[0].cardNumber = CardNumber("6011000990139424")
            extended(&$0) { $0.discoverPosDataCode = "000000001050" }
        },
        RuleCase("a Discover POS data code with e-commerce position 2", code: .outOfRange, path: d + "/discoverPosDataCode") {
            $0.detailRecords[0].cardNumber = CardNumber("6011000990139424")
            extended(&$0) { $0.discoverPosDataCode = "0000000020500" }
        },
        RuleCase("a partial shipment without the Discover POS data code", code: .missingOrErroneousValue, path: d + "/discoverPosDataCode") {
            $0.detailRecords[0].cardNumber = CardNumber("6011000990139424")
            extended(&$0) { $0.discoverPartialShipment = true }
        },
        RuleCase("Discover network data on a Visa card", code: .missingOrErroneousValue, path: d + "/discoverPosDataCode") {
            extended(&$0) { $0.discoverPosDataCode = "0000000010500" }
        },
        RuleCase("a token indicator without Gen2 authentication", code: .missingOrErroneousValue, path: d + "/transactionSecurityIndicator") {
            extended(&$0) { $0.transactionSecurityIndicator = "T" }
        },
        RuleCase("a transaction security indicator of X", code: .outOfRange, path: d + "/transactionSecurityIndicator") {
            $0.settings.genKey = "0123456789ABCDEF01234567"
            extended(&$0) { $0.transactionSecurityIndicator = "X" }
        },
        RuleCase("a soft descriptor of 26 characters", code: .invalidLength, path: d + "/softDescriptor") {
            extended(&$0) { $0.softDescriptor = String(repeating: "S", count: 26) }
        },
        RuleCase("a soft descriptor beside Level III data (Table 3.9)", .directMarketing, code: .missingOrErroneousValue, path: d) {
            $0.detailRecords[0].level3 = Level3(
                cardType: .visa, localTax: .exempt, lineItems: [LineItem(description: "WIDGET", quantity: 1, total: 2500)])
            extended(&$0) { $0.softDescriptor = "ORDER 1234" }
        },
        RuleCase("a lower-case location name", code: .invalidFormat, path: d + "/location/name") {
            extended(&$0) { $0.location = LocationDetail(name: "Bobs Car Wash", city: "SEATTLE", region: "WA", postalCode: "98101") }
        },
        RuleCase("a location name of 26 characters on a Visa card", code: .invalidLength, path: d + "/location/name") {
            extended(&$0) {
                $0.location = LocationDetail(name: String(repeating: "N", count: 26), city: "SEATTLE", region: "WA", postalCode: "98101")
            }
        },
        RuleCase("a location city of 14 characters on a Visa card", code: .invalidLength, path: d + "/location/city") {
            extended(&$0) { $0.location = LocationDetail(name: "BOBS", city: "NORTH SEATTLES", region: "WA", postalCode: "98101") }
        },
        RuleCase("a location country of letters", code: .invalidFormat, path: d + "/location/country") {
            extended(&$0) { $0.location = LocationDetail(name: "BOBS", city: "SEATTLE", region: "WA", country: "USA", postalCode: "98101") }
        },
        RuleCase("a payment facilitator without its sub-merchant id", code: .missingOrErroneousValue, path: d + "/paymentFacilitator/subMerchantId") {
            facilitator(&$0) { $0.detailExtension[.subMerchantId] = nil }
        },
        RuleCase("a payment facilitator without the sub-merchant's location", code: .missingOrErroneousValue, path: d + "/location") {
            facilitator(&$0) { $0.location = nil }
        },
        RuleCase("a sub-merchant name without the facilitator's prefix", code: .invalidFormat, path: d + "/location/name") {
            facilitator(&$0) { $0.location?.name = "BOBS CAR WASH" }
        },
        RuleCase("a sub-merchant with a street address", code: .missingOrErroneousValue, path: d + "/location/address") {
            facilitator(&$0) { $0.location?.address = "1 MAIN ST" }
        },
        RuleCase("a sub-merchant postal code of zeros", code: .outOfRange, path: d + "/location/postalCode") {
            facilitator(&$0) { $0.location?.postalCode = "00000" }
        },
        RuleCase("a sub-merchant without a region", code: .missingOrErroneousValue, path: d + "/location/region") {
            facilitator(&$0) { $0.location?.region = "" }
        },
        RuleCase("a payment facilitator id of 10 digits", code: .invalidLength, path: d + "/paymentFacilitator/id") {
            facilitator(&$0) { $0.detailExtension[.paymentFacilitatorId] = "1234567890" }
        },
        RuleCase("an optional amount without its identifier", code: .missingOrErroneousValue, path: d + "/detailExtension/optionalAmountIdentifier") {
            tags(&$0, [.optionalAmount: "000000000100"])
        },
        RuleCase("a local sales tax of half the sale", code: .outOfRange, path: d + "/detailExtension/optionalAmount") {
            tags(&$0, [.optionalAmountIdentifier: "1", .optionalAmount: "000000001250"])
        },
        RuleCase("a Discover optional amount over 999999", code: .outOfRange, path: d + "/detailExtension/optionalAmount") {
            $0.detailRecords[0].cardNumber = CardNumber("6011000990139424")
            tags(&$0, [.optionalAmountIdentifier: "0", .optionalAmount: "000001000000"])
        },
        RuleCase("a Visa purchase order number of 18 characters", code: .invalidLength, path: d + "/detailExtension/purchaseOrderNumber") {
            tags(&$0, [.purchaseOrderNumber: String(repeating: "P", count: 18)])
        },
        RuleCase(
            "a purchase order number that differs from Level II's", code: .missingOrErroneousValue, path: d + "/detailExtension/purchaseOrderNumber"
        ) {
            $0.detailRecords[0].level2 = Level2(cardType: .visa, isTaxExempt: true, purchaseOrderNumber: "PO-1")
            tags(&$0, [.purchaseOrderNumber: "PO-2"])
        },
        RuleCase(
            "a payment transaction indicator on a Visa card", code: .missingOrErroneousValue, path: d + "/detailExtension/paymentTransactionIndicator"
        ) {
            tags(&$0, [.paymentTransactionIndicator: "C01"])
        },
        RuleCase("a payment transaction indicator of C07", code: .outOfRange, path: d + "/detailExtension/paymentTransactionIndicator") {
            RuleCase.masterCard(&$0)
            tags(&$0, [.paymentTransactionIndicator: "C07"])
        },
        RuleCase("a custom identifier of an unknown type", code: .invalidFormat, path: d + "/detailExtension/customIdentifier") {
            tags(&$0, [.customIdentifier: "ORDERS12345"])
        },
        RuleCase("a transaction fee without C or D", code: .invalidFormat, path: d + "/detailExtension/transactionFee") {
            tags(&$0, [.transactionFee: "X00000150"])
        },
        RuleCase(
            "a discount treatment code without Visa Level III", code: .missingOrErroneousValue, path: d + "/detailExtension/discountTreatmentCode"
        ) {
            tags(&$0, [.discountTreatmentCode: "1"])
        },
        RuleCase("a transportation mode of 23", code: .outOfRange, path: d + "/detailExtension/transportationMode") {
            tags(&$0, [.transportationMode: "23"])
        },
        RuleCase("an association timestamp with a letter", code: .invalidFormat, path: d + "/detailExtension/associationTimestamp") {
            tags(&$0, [.associationTimestamp: "12345A"])
        },
        RuleCase("a token requestor id of 12 characters", code: .invalidLength, path: d + "/token/requestorId") {
            tags(&$0, [.tokenRequestorId: "123456789012"])
        },
        RuleCase("a Visa Checkout entity on a MasterCard", code: .missingOrErroneousValue, path: d + "/detailExtension/digitalEntityIdentifier") {
            RuleCase.masterCard(&$0)
            tags(&$0, [.digitalEntityIdentifier: "ABCDE"])
        },
        RuleCase("Amex purchasing data without its total tax", code: .missingOrErroneousValue, path: d + "/level2/amexTotalTaxAmount") {
            amexPurchasing(&$0) { $0.amexTotalTaxAmount = nil }
        },
        RuleCase("an Amex tax type code of 2 digits", code: .invalidLength, path: d + "/level2/amexTaxTypeCode") {
            amexPurchasing(&$0) { $0.amexTaxTypeCode = "56" }
        },
        RuleCase("an Amex requester name on a Visa card", code: .missingOrErroneousValue, path: d + "/level2/amexRequesterName") {
            $0.detailRecords[0].level2 = Level2(cardType: .visa, isTaxExempt: true, amexRequesterName: "JANE DOE")
        },
        RuleCase(
            "a purchase order number that differs from Level III's", .directMarketing, code: .missingOrErroneousValue,
            path: d + "/detailExtension/purchaseOrderNumber"
        ) {
            $0.detailRecords[0].level3 = Level3(
                cardType: .visa, localTax: .exempt, purchaseOrder: "PO-3", lineItems: [LineItem(description: "WIDGET", quantity: 1, total: 2500)])
            tags(&$0, [.purchaseOrderNumber: "PO-4"])
        },
        RuleCase(
            "an optional amount identifier beside Level II's", code: .missingOrErroneousValue, path: d + "/detailExtension/optionalAmountIdentifier"
        ) {
            $0.detailRecords[0].level2 = Level2(cardType: .visa, isTaxExempt: true)
            tags(&$0, [.optionalAmountIdentifier: "2"])
        },
        RuleCase("an optional amount when the identifier says not used", code: .missingOrErroneousValue, path: d + "/detailExtension/optionalAmount")
        {
            tags(&$0, [.optionalAmountIdentifier: "0", .optionalAmount: "000000000100"])
        },
        RuleCase("a mobile device type with a letter", code: .invalidFormat, path: d + "/detailExtension/mobileDeviceType") {
            tags(&$0, [.mobileDeviceType: "1A"])
        },
        RuleCase("a lower-case sub-merchant region", code: .invalidFormat, path: d + "/location/region") {
            facilitator(&$0) { $0.location?.region = "wa" }
        },
        RuleCase("a soft descriptor holding the card number", code: .missingOrErroneousValue, path: d + "/softDescriptor") {
            extended(&$0) { $0.softDescriptor = "4111111111111111" }
        },
        RuleCase("a custom identifier holding the card number", code: .missingOrErroneousValue, path: d + "/detailExtension/customIdentifier") {
            tags(&$0, [.customIdentifier: "CUSORD4111111111111111"])
        },
        RuleCase("an American Express rental without group 42", .autoRental, code: .missingOrErroneousValue, path: d + "/autoRental/amex") {
            RuleCase.amex(&$0)
        },
        RuleCase("group 42 on a Visa rental", .autoRental, code: .missingOrErroneousValue, path: d + "/autoRental/amex") {
            $0.detailRecords[0].autoRental?.amex = amexRental
        },
        RuleCase(
            "an American Express rental returned before it was picked up", .autoRental, code: .outOfRange, path: d + "/autoRental/amex/returnDate"
        ) {
            RuleCase.amex(&$0)
            var rental = amexRental
            rental.returnDate = LocalDate(year: 2026, month: 7, day: 1)
            $0.detailRecords[0].autoRental?.amex = rental
        },
        RuleCase("a vehicle class of 0033", .autoRental, code: .outOfRange, path: d + "/autoRental/amex/vehicleClassId") {
            RuleCase.amex(&$0)
            var rental = amexRental
            rental.vehicleClassId = "0033"
            $0.detailRecords[0].autoRental?.amex = rental
        },
        RuleCase("a distance without its unit", .autoRental, code: .missingOrErroneousValue, path: d + "/autoRental/amex/distanceUnit") {
            RuleCase.amex(&$0)
            var rental = amexRental
            rental.distanceUnit = ""
            $0.detailRecords[0].autoRental?.amex = rental
        },
        RuleCase(
            "an audit adjustment amount without its indicator", .autoRental, code: .missingOrErroneousValue,
            path: d + "/autoRental/amex/auditAdjustmentAmount"
        ) {
            RuleCase.amex(&$0)
            var rental = amexRental
            rental.auditAdjustmentAmount = 500
            $0.detailRecords[0].autoRental?.amex = rental
        },
        RuleCase("insurance on a Visa card", code: .missingOrErroneousValue, path: d + "/amexInsurance") {
            extended(&$0) { $0.amexInsurance = insurance }
        },
        RuleCase("insurance that ends before it starts", code: .outOfRange, path: d + "/amexInsurance/coverageEndDate") {
            RuleCase.amex(&$0)
            var ended = insurance
            ended.coverageEndDate = LocalDate(year: 2026, month: 1, day: 1)
            extended(&$0) { $0.amexInsurance = ended }
        },
        RuleCase("insurance without the insured's name", code: .missingOrErroneousValue, path: d + "/amexInsurance/insuredName") {
            RuleCase.amex(&$0)
            var unnamed = insurance
            unnamed.insuredName = ""
            extended(&$0) { $0.amexInsurance = unnamed }
        },
        RuleCase("Amex charge descriptor 2 without the first", code: .missingOrErroneousValue, path: d + "/level2/amexChargeDescriptor") {
            RuleCase.amex(&$0)
            $0.detailRecords[0].level2 = Level2(cardType: .americanExpress, amexChargeDescriptor2: "DESKS")
        },
        RuleCase("transaction advice on a Visa card", code: .missingOrErroneousValue, path: d + "/amexTransactionAdvice") {
            extended(&$0) { $0.amexTransactionAdvice = AmexTransactionAdvice(retailDepartmentName: "HOUSEWARES") }
        },
        RuleCase(
            "retail items without the department (group 33)", code: .missingOrErroneousValue, path: d + "/amexTransactionAdvice/retailDepartmentName"
        ) {
            RuleCase.amex(&$0)
            extended(&$0) { $0.amexTransactionAdvice = AmexTransactionAdvice(retailItems: [.init(description: "KETTLE", unitAmount: 1500)]) }
        },
        RuleCase("seven retail items", code: .outOfRange, path: d + "/amexTransactionAdvice/retailItems") {
            RuleCase.amex(&$0)
            extended(&$0) {
                $0.amexTransactionAdvice = AmexTransactionAdvice(
                    retailDepartmentName: "HOUSEWARES", retailItems: Array(repeating: .init(description: "CUP", unitAmount: 100), count: 7))
            }
        },
        RuleCase("charge items without corporate purchasing data", code: .missingOrErroneousValue, path: d + "/amexTransactionAdvice/chargeItems") {
            RuleCase.amex(&$0)
            extended(&$0) { $0.amexTransactionAdvice = AmexTransactionAdvice(chargeItems: [.init(unitAmount: 100)]) }
        },
        RuleCase("an additional amount of an unknown type", code: .outOfRange, path: d + "/amexTransactionAdvice/additionalAmounts/0/type") {
            RuleCase.amex(&$0)
            extended(&$0) { $0.amexTransactionAdvice = AmexTransactionAdvice(additionalAmounts: [.init(type: "002", amount: 100)]) }
        },
        RuleCase("a lodging stay of 100 nights", .hotel, code: .outOfRange, path: d + "/amexTransactionAdvice/lodgingItems/0/nights") {
            RuleCase.amex(&$0)
            $0.detailRecords[0].purchaseIdentifier = "FOLIO-1"
            extended(&$0) {
                $0.amexTransactionAdvice = AmexTransactionAdvice(lodgingRenterName: "JOHN SMITH", lodgingItems: [.init(roomRate: 100, nights: 100)])
            }
        },
        RuleCase("Canadian taxes for a US merchant", code: .missingOrErroneousValue, path: d + "/canadianTaxes") {
            RuleCase.masterCard(&$0)
            extended(&$0) { $0.canadianTaxes = [CanadianTax(amount: 100, rate: 5000, rateExponent: 3, typeIdentifier: "01")] }
        },
        RuleCase("Canadian taxes on a Visa card", code: .missingOrErroneousValue, path: d + "/canadianTaxes") {
            $0.merchant.countryCode = "124"
            extended(&$0) { $0.canadianTaxes = [CanadianTax(amount: 100, rate: 5000, rateExponent: 3, typeIdentifier: "01")] }
        },
        RuleCase("seven Canadian taxes", code: .outOfRange, path: d + "/canadianTaxes") {
            RuleCase.masterCard(&$0)
            $0.merchant.countryCode = "124"
            extended(&$0) {
                $0.canadianTaxes = Array(repeating: CanadianTax(amount: 100, rate: 5000, rateExponent: 3, typeIdentifier: "01"), count: 7)
            }
        },
        RuleCase("a Canadian tax type identifier of 02", code: .outOfRange, path: d + "/canadianTaxes/0/typeIdentifier") {
            RuleCase.masterCard(&$0)
            extended(&$0) { $0.canadianTaxes = [CanadianTax(amount: 100, rate: 5000, rateExponent: 3, typeIdentifier: "02")] }
        },
        RuleCase("a gateway id of 11 characters", code: .invalidLength, path: "/settings/gatewayId") {
            $0.settings.gatewayId = "GATEWAY0042"
        },
    ]
}
