import SettleModel

/// Level II and Level III.
enum CommercialRules {
    static let d = "/detailRecords/0"

    static func level3(_ brand: Level3CardType) -> Level3 {
        Level3(cardType: brand, lineItems: [LineItem(description: "ITEM", total: 2500, debitCreditIndicator: brand == .visa ? "" : "D")])
    }

    static let cases: [RuleCase] = [
        RuleCase("Level II brand mismatch", code: .missingOrErroneousValue, path: d + "/level2/cardType") {
            $0.detailRecords[0].level2 = Level2(cardType: .masterCard)
        },
        RuleCase("sales tax over 22%", code: .outOfRange, path: d + "/level2/localSalesTax") {
            $0.detailRecords[0].level2 = Level2(cardType: .visa, localSalesTax: 551)
        },
        RuleCase("sales tax under 0.1%", code: .outOfRange, path: d + "/level2/localSalesTax") {
            $0.detailRecords[0].settlementAmount = 100_000
            $0.detailRecords[0].authorizedAmount = 100_000
            $0.detailRecords[0].level2 = Level2(cardType: .visa, localSalesTax: 99)
        },
        RuleCase("tax exempt with a tax amount", code: .missingOrErroneousValue, path: d + "/level2/localSalesTax") {
            $0.detailRecords[0].level2 = Level2(cardType: .visa, isTaxExempt: true, localSalesTax: 100)
        },
        RuleCase("Amex fields on a Visa card", code: .missingOrErroneousValue, path: d + "/level2/amexSupplierNumber") {
            $0.detailRecords[0].level2 = Level2(cardType: .visa, amexSupplierNumber: "SUP1")
        },
        RuleCase("Visa fields on Amex Level II", code: .missingOrErroneousValue, path: d + "/level2/purchaseOrderNumber") {
            RuleCase.amex(&$0)
            $0.detailRecords[0].level2 = Level2(cardType: .americanExpress, purchaseOrderNumber: "PO")
        },
        RuleCase("purchase order of 18 characters", code: .invalidLength, path: d + "/level2/purchaseOrderNumber") {
            $0.detailRecords[0].level2 = Level2(cardType: .visa, purchaseOrderNumber: String(repeating: "P", count: 18))
        },
        RuleCase("Amex sales tax over 6 digits", code: .outOfRange, path: d + "/level2/amexSalesTax") {
            RuleCase.amex(&$0)
            $0.detailRecords[0].level2 = Level2(cardType: .americanExpress, amexSalesTax: 1_000_000)
        },
        RuleCase("market data beside Level III data", code: .missingOrErroneousValue, path: d + "/marketSpecificData") {
            $0.detailRecords[0].level3 = level3(.visa)
            $0.detailRecords[0].marketSpecificData = "B"
        },
        RuleCase("market data beside Amex Level II data", code: .missingOrErroneousValue, path: d + "/marketSpecificData") {
            RuleCase.amex(&$0)
            $0.detailRecords[0].level2 = Level2(cardType: .americanExpress)
            $0.detailRecords[0].marketSpecificData = "E"
        },
        RuleCase("Level III brand mismatch", code: .missingOrErroneousValue, path: d + "/level3/cardType") {
            $0.detailRecords[0].level3 = level3(.masterCard)
        },
        RuleCase("Level III without line items", code: .outOfRange, path: d + "/level3/lineItems") {
            $0.detailRecords[0].level3 = Level3(cardType: .visa)
        },
        RuleCase("Level III local tax over 22%", code: .outOfRange, path: d + "/level3/localTax") {
            var data = level3(.visa)
            data.localTax = .amount(600)
            $0.detailRecords[0].level3 = data
        },
        RuleCase("Visa-only field on MasterCard Level III", code: .missingOrErroneousValue, path: d + "/level3/customerTaxId") {
            RuleCase.masterCard(&$0)
            var data = level3(.masterCard)
            data.customerTaxId = "CUST1"
            $0.detailRecords[0].level3 = data
        },
        RuleCase("MasterCard-only line field on Visa", code: .missingOrErroneousValue, path: d + "/level3/lineItems/0/debitCreditIndicator") {
            var data = level3(.visa)
            data.lineItems[0].debitCreditIndicator = "D"
            $0.detailRecords[0].level3 = data
        },
        RuleCase("MasterCard discount rate on Visa", code: .missingOrErroneousValue, path: d + "/level3/lineItems/0/discountRate") {
            var data = level3(.visa)
            data.lineItems[0].discountRate = 500
            $0.detailRecords[0].level3 = data
        },
        RuleCase("Visa discount rate beyond five digits", code: .outOfRange, path: d + "/level3/lineItems/0/discountRate") {
            var data = level3(.visa)
            data.lineItems[0].discountRate = .max
            $0.detailRecords[0].level3 = data
        },
        RuleCase("Amex sales tax on a Visa card", code: .missingOrErroneousValue, path: d + "/level2/amexSalesTax") {
            $0.detailRecords[0].level2 = Level2(cardType: .visa, amexSalesTax: 100)
        },
        RuleCase(
            "MasterCard line without debit/credit indicator", code: .missingOrErroneousValue,
            path: d + "/level3/lineItems/0/debitCreditIndicator"
        ) {
            RuleCase.masterCard(&$0)
            var data = level3(.masterCard)
            data.lineItems[0].debitCreditIndicator = ""
            $0.detailRecords[0].level3 = data
        },
        RuleCase("MasterCard extended amount over 9 digits", code: .outOfRange, path: d + "/level3/lineItems/0/total") {
            RuleCase.masterCard(&$0)
            var data = level3(.masterCard)
            data.lineItems[0].total = 1_000_000_000
            $0.detailRecords[0].level3 = data
        },
        RuleCase(
            "line items beyond the configured cap", profile: WireProfile(maximumLineItemsPerDetail: 2), code: .outOfRange,
            path: d + "/level3/lineItems"
        ) {
            var data = level3(.visa)
            data.lineItems = Array(repeating: data.lineItems[0], count: 3)
            $0.detailRecords[0].level3 = data
        },
        RuleCase("order date before 2000", code: .outOfRange, path: d + "/level3/orderDate") {
            var data = level3(.visa)
            data.orderDate = LocalDate(year: 1999, month: 1, day: 1)
            $0.detailRecords[0].level3 = data
        },
        RuleCase("Level II and Level III together", code: .missingOrErroneousValue, path: d + "/level2") {
            $0.detailRecords[0].level2 = Level2(cardType: .visa)
            $0.detailRecords[0].level3 = level3(.visa)
        },
        RuleCase("Level III with cash back (Table 3.9)", code: .missingOrErroneousValue, path: d) {
            $0.detailRecords[0].cashBack = 100
            $0.detailRecords[0].level3 = level3(.visa)
        },
    ]
}
