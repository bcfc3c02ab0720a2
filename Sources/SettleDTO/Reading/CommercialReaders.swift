import SettleJSON
import SettleModel

/// Readers for Level II and Level III data (the class reference's `TSYSLevel2` / `TSYSLevel3`).
struct CommercialReaders {
    // Each group's field names (openapi.yaml's schemas are checked against them).
    static let level2Keys: KeySet = [
        "cardType", "isTaxExempt", "localSalesTax", "purchaseOrderNumber", "amexSupplierNumber", "amexCardholderReference",
        "amexShippedToZip", "amexSalesTax", "amexChargeDescriptor", "amexRequesterName", "amexTotalTaxAmount", "amexTaxTypeCode",
        "amexChargeDescriptor2", "amexChargeDescriptor3", "amexChargeDescriptor4",
    ]
    static let level3Keys: KeySet = [
        "cardType", "localTax", "nationalTax", "purchaseOrder", "freightAmount", "dutyAmount", "destinationZip", "shipFromZip",
        "destinationCountry", "merchantTaxId", "customerTaxId", "commodityCode", "discountAmount", "taxInvoiceNumber", "orderDate",
        "freightTaxAmount", "freightTaxRate", "alternateTaxAmount", "lineItems", "purchaseIdentifier",
    ]
    static let lineItemKeys: KeySet = [
        "commodityCode", "description", "productCode", "quantity", "unitOfMeasure", "units", "unitCost", "taxAmount", "taxRate",
        "discountAmount", "total", "debitCreditIndicator", "alternateTaxId", "taxType", "discountIndicator", "netGrossIndicator",
        "discountRate",
    ]

    func level2(_ o: DocumentObject, _ issues: inout IssueList) -> Level2 {
        let o = o.reading(Self.level2Keys, &issues)
        let requester = o.string("amexRequesterName", default: "", &issues), totalTax = o.optionalAmount("amexTotalTaxAmount", &issues)
        // Group 39's tax type: `056` (sales tax) is the one code for US merchants (§4.282).
        let cardType: Level2CardType = o.choice("cardType", &issues) ?? .visa
        let purchasing = cardType == .americanExpress && (!requester.isEmpty || totalTax != nil)
        return Level2(
            cardType: cardType, isTaxExempt: o.bool("isTaxExempt", default: false, &issues),
            localSalesTax: o.optionalAmount("localSalesTax", &issues),
            purchaseOrderNumber: o.string("purchaseOrderNumber", default: "", &issues),
            amexSupplierNumber: o.string("amexSupplierNumber", default: "", &issues),
            amexCardholderReference: o.string("amexCardholderReference", default: "", &issues),
            amexShippedToZip: o.string("amexShippedToZip", default: "", &issues), amexSalesTax: o.optionalAmount("amexSalesTax", &issues),
            amexChargeDescriptor: o.string("amexChargeDescriptor", default: "", &issues),
            amexRequesterName: requester, amexTotalTaxAmount: totalTax,
            amexTaxTypeCode: o.string("amexTaxTypeCode", default: purchasing ? "056" : "", &issues),
            amexChargeDescriptor2: o.string("amexChargeDescriptor2", default: "", &issues),
            amexChargeDescriptor3: o.string("amexChargeDescriptor3", default: "", &issues),
            amexChargeDescriptor4: o.string("amexChargeDescriptor4", default: "", &issues))
    }

    func level3(_ o: DocumentObject, _ issues: inout IssueList) -> Level3 {
        let o = o.reading(Self.level3Keys, &issues)
        var items: [LineItem] = []
        let itemsPointer = o.path("lineItems")
        for (index, element) in (o.array("lineItems", required: true, &issues) ?? []).enumerated() {
            guard let item = DocumentObject(element, at: itemsPointer, element: index, &issues) else { continue }
            items.append(lineItem(item, &issues))
        }
        return Level3(
            cardType: o.choice("cardType", &issues) ?? .visa, localTax: localTax(o, &issues),
            nationalTax: o.optionalAmount("nationalTax", &issues), purchaseOrder: o.string("purchaseOrder", default: "", &issues),
            freightAmount: o.amount("freightAmount", default: .zero, &issues), dutyAmount: o.amount("dutyAmount", default: .zero, &issues),
            destinationZip: o.string("destinationZip", default: "", &issues), shipFromZip: o.string("shipFromZip", default: "", &issues),
            destinationCountry: o.string("destinationCountry", default: "", &issues),
            merchantTaxId: o.string("merchantTaxId", default: "", &issues), customerTaxId: o.string("customerTaxId", default: "", &issues),
            commodityCode: o.string("commodityCode", default: "", &issues),
            discountAmount: o.amount("discountAmount", default: .zero, &issues),
            taxInvoiceNumber: o.string("taxInvoiceNumber", default: "", &issues), orderDate: o.optionalDate("orderDate", &issues),
            freightTaxAmount: o.amount("freightTaxAmount", default: .zero, &issues),
            freightTaxRate: o.int("freightTaxRate", default: 0, &issues),
            alternateTaxAmount: o.optionalAmount("alternateTaxAmount", &issues), lineItems: items)
    }

    /// `localTax` is an amount in minor units, or the string `EXEMPT` (as in the class reference).
    private func localTax(_ o: DocumentObject, _ issues: inout IssueList) -> TaxAmount {
        switch o.value("localTax")?.scalar {
        case .none: return .notProvided
        case .string(let text) where text.uppercased() == "EXEMPT": return .exempt
        case .integer(let units): return .amount(Amount(minorUnits: units))
        case .some:
            issues.add(.invalidFormat, o.path("localTax"), "must be an amount in minor units or \"EXEMPT\"")
            return .notProvided
        }
    }

    private func lineItem(_ o: DocumentObject, _ issues: inout IssueList) -> LineItem {
        let o = o.reading(Self.lineItemKeys, &issues)
        return LineItem(
            commodityCode: o.string("commodityCode", default: "", &issues), description: o.string("description", &issues),
            productCode: o.string("productCode", default: "", &issues), quantity: quantity(o, &issues),
            unitOfMeasure: unitOfMeasure(o, &issues), unitCost: o.amount("unitCost", default: .zero, &issues),
            taxAmount: o.amount("taxAmount", default: .zero, &issues), taxRate: o.int("taxRate", default: 0, &issues),
            discountAmount: o.amount("discountAmount", default: .zero, &issues), total: o.amount("total", &issues),
            debitCreditIndicator: o.string("debitCreditIndicator", default: "", &issues),
            alternateTaxId: o.string("alternateTaxId", default: "", &issues), taxType: o.string("taxType", default: "", &issues),
            discountIndicator: o.string("discountIndicator", default: "", &issues),
            netGrossIndicator: o.string("netGrossIndicator", default: "", &issues), discountRate: o.int("discountRate", default: 0, &issues))
    }

    /// Quantity as a whole number or a decimal string with up to four places (`"2.5"`), kept in ten-thousandths.
    private func quantity(_ o: DocumentObject, _ issues: inout IssueList) -> Int64 {
        switch o.value("quantity")?.scalar {
        case .none: return 10_000
        case .integer(let units): return units.multipliedReportingOverflow(by: 10_000).overflow ? -1 : units * 10_000
        case .string(let text):
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
                parts.count == 1 || parts[1].count <= 4, parts[0].count <= 8, let whole = Int64(parts[0])
            else {
                issues.add(.invalidFormat, o.path("quantity"), "must be a number with at most 4 decimal places, such as \"2.5\"")
                return 10_000
            }
            let fraction = parts.count == 2 ? Int64(parts[1] + String(repeating: "0", count: 4 - parts[1].count)) ?? 0 : 0
            return whole * 10_000 + fraction
        case .some:
            issues.add(.invalidFormat, o.path("quantity"), "must be a whole number or a decimal string such as \"2.5\"")
            return 10_000
        }
    }

    /// `unitOfMeasure`, or the class reference's `Units` name for it.
    private func unitOfMeasure(_ o: DocumentObject, _ issues: inout IssueList) -> String {
        if o.has("units") && o.has("unitOfMeasure") {
            issues.add(.missingOrErroneousValue, o.path("units"), "give unitOfMeasure or units, not both")
        }
        return o.has("units") ? o.string("units", &issues) : o.string("unitOfMeasure", default: "", &issues)
    }
}
