extension BatchValidator {
    func checkCommercialData(_ d: DetailRecord, at p: JSONPath, _ c: inout IssueCollector) {
        if let level2 = d.level2 { checkLevel2(level2, d, at: p + "/level2", &c) }
        if let level3 = d.level3 { checkLevel3(level3, d, at: p + "/level3", &c) }
        if d.level2 != nil && d.level3 != nil {
            c.report(.missingOrErroneousValue, p + "/level2", "send Level II or Level III data, not both")
        }
    }

    private func checkLevel2(_ l2: Level2, _ d: DetailRecord, at q: JSONPath, _ c: inout IssueCollector) {
        if d.cardNumber.brand != l2.cardType.brand {
            c.report(.missingOrErroneousValue, q + "/cardType", "is \(l2.cardType.rawValue) but the card number is \(d.cardNumber.brand.rawValue)")
        }
        if l2.cardType == .americanExpress {
            c.text(l2.amexSupplierNumber, q + "/amexSupplierNumber", length: 9)
            c.text(l2.amexCardholderReference, q + "/amexCardholderReference", length: 17)
            c.text(l2.amexShippedToZip, q + "/amexShippedToZip", length: 6, allowed: .alphanumeric)
            c.text(l2.amexChargeDescriptor, q + "/amexChargeDescriptor", length: 40)
            c.text(l2.amexChargeDescriptor2, q + "/amexChargeDescriptor2", length: 40)
            c.text(l2.amexChargeDescriptor3, q + "/amexChargeDescriptor3", length: 40)
            c.text(l2.amexChargeDescriptor4, q + "/amexChargeDescriptor4", length: 40)
            for (name, value) in [
                ("amexChargeDescriptor", l2.amexChargeDescriptor), ("amexChargeDescriptor2", l2.amexChargeDescriptor2),
                ("amexChargeDescriptor3", l2.amexChargeDescriptor3), ("amexChargeDescriptor4", l2.amexChargeDescriptor4),
            ] {
                c.withoutCardNumber(value, q + "/" + name, card: d.cardNumber.digits)
            }
            if l2.hasMoreChargeDescriptors && l2.amexChargeDescriptor.isEmpty {
                c.report(.missingOrErroneousValue, q + "/amexChargeDescriptor", "is required before amexChargeDescriptor2-4 (groups 21 and 30)")
            }
            if let tax = l2.amexSalesTax { c.amount(tax, q + "/amexSalesTax", maximum: 999_999) }
            // Each field that does not belong is named, so a caller sees which to remove.
            let others = [
                ("isTaxExempt", l2.isTaxExempt), ("localSalesTax", l2.localSalesTax != nil), ("purchaseOrderNumber", !l2.purchaseOrderNumber.isEmpty),
            ]
            for (name, given) in others where given {
                c.report(.missingOrErroneousValue, q + "/" + name, "is not sent for American Express (its Level II uses the amex* fields)")
            }
            return
        }
        c.text(l2.purchaseOrderNumber, q + "/purchaseOrderNumber", length: 17)
        let amexOnly = [
            ("amexSupplierNumber", !l2.amexSupplierNumber.isEmpty), ("amexCardholderReference", !l2.amexCardholderReference.isEmpty),
            ("amexShippedToZip", !l2.amexShippedToZip.isEmpty), ("amexSalesTax", l2.amexSalesTax != nil),
            ("amexChargeDescriptor", !l2.amexChargeDescriptor.isEmpty), ("amexRequesterName", !l2.amexRequesterName.isEmpty),
            ("amexTotalTaxAmount", l2.amexTotalTaxAmount != nil), ("amexTaxTypeCode", !l2.amexTaxTypeCode.isEmpty),
            ("amexChargeDescriptor2", !l2.amexChargeDescriptor2.isEmpty), ("amexChargeDescriptor3", !l2.amexChargeDescriptor3.isEmpty),
            ("amexChargeDescriptor4", !l2.amexChargeDescriptor4.isEmpty),
        ]
        for (name, given) in amexOnly where given {
            c.report(.missingOrErroneousValue, q + "/" + name, "is for American Express cards only")
        }
        if let tax = l2.localSalesTax {
            if l2.isTaxExempt { c.report(.missingOrErroneousValue, q + "/localSalesTax", "cannot be set when isTaxExempt is true") }
            checkTaxRate(tax, of: d.settlementAmount, q + "/localSalesTax", &c)
        }
    }

    private func checkLevel3(_ l3: Level3, _ d: DetailRecord, at q: JSONPath, _ c: inout IssueCollector) {
        if d.cardNumber.brand != l3.cardType.brand {
            c.report(.missingOrErroneousValue, q + "/cardType", "is \(l3.cardType.rawValue) but the card number is \(d.cardNumber.brand.rawValue)")
        }
        if case .amount(let tax) = l3.localTax { checkTaxRate(tax, of: d.settlementAmount, q + "/localTax", &c) }
        if let national = l3.nationalTax { c.amount(national, q + "/nationalTax") }
        c.text(l3.purchaseOrder, q + "/purchaseOrder", length: 17)
        c.amount(l3.freightAmount, q + "/freightAmount")
        c.amount(l3.dutyAmount, q + "/dutyAmount")
        c.text(l3.destinationZip, q + "/destinationZip", length: 10, allowed: .alphanumericSpace)
        c.text(l3.shipFromZip, q + "/shipFromZip", length: 10, allowed: .alphanumericSpace)
        c.text(l3.destinationCountry, q + "/destinationCountry", length: 3, allowed: .alphanumeric)
        if l3.cardType == .visa {
            c.text(l3.merchantTaxId, q + "/merchantTaxId", length: 20)
            c.text(l3.customerTaxId, q + "/customerTaxId", length: 13)
            c.text(l3.commodityCode, q + "/commodityCode", length: 4)
            c.amount(l3.discountAmount, q + "/discountAmount")
            c.text(l3.taxInvoiceNumber, q + "/taxInvoiceNumber", length: 15)
            if let order = l3.orderDate { c.shortYearDate(order, q + "/orderDate") }
            c.amount(l3.freightTaxAmount, q + "/freightTaxAmount")
            c.range(l3.freightTaxRate, q + "/freightTaxRate", 0...9999)
            if l3.alternateTaxAmount != nil { c.report(.missingOrErroneousValue, q + "/alternateTaxAmount", "is MasterCard only") }
        } else {
            if let alternate = l3.alternateTaxAmount { c.amount(alternate, q + "/alternateTaxAmount", maximum: 999_999_999) }
            let visaOnly = [
                ("merchantTaxId", l3.merchantTaxId), ("customerTaxId", l3.customerTaxId),
                ("commodityCode", l3.commodityCode), ("taxInvoiceNumber", l3.taxInvoiceNumber),
            ]
            for (name, value) in visaOnly where !value.isEmpty {
                c.report(.missingOrErroneousValue, q + "/" + name, "is Visa only")
            }
        }
        if l3.lineItems.isEmpty || l3.lineItems.count > profile.maximumLineItemsPerDetail {
            c.report(.outOfRange, q + "/lineItems", "must hold 1 to \(profile.maximumLineItemsPerDetail) line items")
        }
        for (i, item) in l3.lineItems.enumerated() {
            checkLineItem(item, brand: l3.cardType, at: q + "/lineItems/\(i)", &c)
        }
    }

    private func checkLineItem(_ item: LineItem, brand: Level3CardType, at q: JSONPath, _ c: inout IssueCollector) {
        let descriptionLength = brand == .visa ? 35 : profile.masterCardLineItemDescriptionLength
        c.text(item.description, q + "/description", length: descriptionLength, required: true)
        c.text(item.productCode, q + "/productCode", length: 12)
        c.text(item.unitOfMeasure, q + "/unitOfMeasure", length: 12)
        if item.quantity < 1 || item.quantity > 999_999_999_999 { c.report(.outOfRange, q + "/quantity", "must be positive and at most 12 digits") }
        c.amount(item.taxAmount, q + "/taxAmount")
        c.range(item.taxRate, q + "/taxRate", 0...9999)
        c.amount(item.discountAmount, q + "/discountAmount")
        c.range(item.discountRate, q + "/discountRate", 0...99_999)
        if brand == .visa {
            c.text(item.commodityCode, q + "/commodityCode", length: 12)
            c.amount(item.unitCost, q + "/unitCost")
            c.amount(item.total, q + "/total")
            let mastercardOnly = [
                ("debitCreditIndicator", item.debitCreditIndicator), ("alternateTaxId", item.alternateTaxId),
                ("taxType", item.taxType), ("discountIndicator", item.discountIndicator), ("netGrossIndicator", item.netGrossIndicator),
            ]
            for (name, value) in mastercardOnly where !value.isEmpty {
                c.report(.missingOrErroneousValue, q + "/" + name, "is MasterCard only")
            }
            if item.discountRate != 0 { c.report(.missingOrErroneousValue, q + "/discountRate", "is MasterCard only") }
        } else {
            // The MasterCard extended item amount is 9 digits.
            c.amount(item.total, q + "/total", maximum: 999_999_999)
            c.code(item.debitCreditIndicator, q + "/debitCreditIndicator", in: Codes.debitCredit)
            c.text(item.alternateTaxId, q + "/alternateTaxId", length: 15)
            c.text(item.taxType, q + "/taxType", length: 4)
            c.code(item.discountIndicator, q + "/discountIndicator", in: Codes.yesNo, required: false)
            c.code(item.netGrossIndicator, q + "/netGrossIndicator", in: Codes.yesNo, required: false)
            if !item.commodityCode.isEmpty { c.report(.missingOrErroneousValue, q + "/commodityCode", "is Visa only") }
        }
    }

    /// A non-zero tax must be 0.1%–22% of the sale (TSYS tax amount rule), in integer arithmetic.
    ///
    /// The ratio is judged only when both amounts passed their range checks: the products
    /// below stay under 10^10 then, while a caller's raw number could overflow them.
    func checkTaxRate(_ tax: Amount, of sale: Amount, _ path: JSONPath, _ c: inout IssueCollector) {
        guard c.amount(tax, path), tax.minorUnits > 0, sale.isDetailAmount else { return }
        if tax.minorUnits * 1000 < sale.minorUnits || tax.minorUnits * 100 > sale.minorUnits * 22 {
            c.report(.outOfRange, path, "must be between 0.1% and 22% of the settlement amount")
        }
    }

    func checkGroupCombinations(_ d: DetailRecord, at p: JSONPath, industry: IndustryType, _ c: inout IssueCollector) {
        for violation in GroupCombinationRules.violations(in: d.optionalGroups(industry: industry)) {
            c.report(.missingOrErroneousValue, p, violation.description)
        }
    }
}
