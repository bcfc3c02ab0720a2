import SettleJSON
import SettleModel

/// Reads the production detail groups, which the document carries as members of the detail
/// (lane, e-commerce, network data) and in the `location`, `paymentFacilitator`, `token` and
/// `detailExtension` objects.
struct ExtendedDetailReader {
    static let locationKeys: KeySet = ["name", "address", "city", "region", "country", "postalCode"]
    static let adviceKeys: KeySet = [
        "retailDepartmentName", "lodgingRenterName", "additionalAmounts", "retailItems", "lodgingItems", "chargeItems",
    ]
    static let additionalAmountKeys: KeySet = ["type", "amount", "isCredit"]
    static let retailItemKeys: KeySet = ["description", "quantity", "unitAmount"]
    static let lodgingItemKeys: KeySet = ["roomRate", "nights"]
    static let chargeItemKeys: KeySet = ["quantity", "unitAmount"]
    static let canadianTaxKeys: KeySet = ["isIncluded", "amount", "rate", "rateExponent", "typeApplied", "typeIdentifier"]
    static let amexInsuranceKeys: KeySet = [
        "policyNumber", "coverageStartDate", "coverageEndDate", "premiumFrequency", "additionalPolicyNumber", "policyType", "insuredName",
    ]

    /// Each object that carries detail extension (group 41) tags: its member names and their tags.
    /// The model's ``DetailExtensionTag/member`` names the same places (a test holds them together).
    static let paymentFacilitatorTags: [(StaticString, DetailExtensionTag)] = [
        ("id", .paymentFacilitatorId), ("subMerchantId", .subMerchantId),
    ]
    static let tokenTags: [(StaticString, DetailExtensionTag)] = [
        ("assuranceLevel", .tokenAssuranceLevel), ("requestorId", .tokenRequestorId),
    ]
    static let detailExtensionTags: [(StaticString, DetailExtensionTag)] = [
        ("optionalAmountIdentifier", .optionalAmountIdentifier), ("optionalAmount", .optionalAmount),
        ("purchaseOrderNumber", .purchaseOrderNumber), ("paymentTransactionIndicator", .paymentTransactionIndicator),
        ("iiasIndicator", .iiasIndicator), ("merchantSellerId", .merchantSellerId), ("customIdentifier", .customIdentifier),
        ("associationTimestamp", .associationTimestamp), ("transitTransactionType", .transitTransactionType),
        ("transportationMode", .transportationMode), ("transactionFee", .transactionFee), ("domainServer", .domainServer),
        ("mobileDeviceType", .mobileDeviceType), ("discountTreatmentCode", .discountTreatmentCode),
        ("taxTreatmentCode", .taxTreatmentCode), ("spendQualifiedIndicator", .spendQualifiedIndicator),
        ("accountRangeStatus", .accountRangeStatus), ("walletIdentifier", .walletIdentifier), ("isoId", .isoId),
        ("digitalEntityIdentifier", .digitalEntityIdentifier), ("multiClearingIndicator", .multiClearingIndicator),
    ]
    static let paymentFacilitatorKeys = KeySet(paymentFacilitatorTags.map(\.0))
    static let tokenKeys = KeySet(tokenTags.map(\.0))
    static let detailExtensionKeys = KeySet(detailExtensionTags.map(\.0))

    /// The detail's own member names this reader takes.
    static let detailKeys: [StaticString] = [
        "merchantCategoryCodeOverride", "laneId", "serviceDevelopmentIndicator", "existingDebt", "ucafCollectionIndicator",
        "eCommerceGoodsIndicator", "location", "masterCardServiceCode", "visaCardProductCode", "discoverPosDataCode",
        "discoverPartialShipment", "paymentFacilitator", "token", "detailExtension", "transactionSecurityIndicator", "softDescriptor",
        "amexInsurance", "amexTransactionAdvice", "canadianTaxes",
    ]

    /// `nil` when the detail has none of these members, so a plain detail carries no box.
    func read(_ d: DocumentObject, _ issues: inout IssueList) -> ExtendedDetail? {
        var tags = DetailExtension()
        tagged(d.object("paymentFacilitator", &issues), Self.paymentFacilitatorKeys, Self.paymentFacilitatorTags, into: &tags, &issues)
        tagged(d.object("token", &issues), Self.tokenKeys, Self.tokenTags, into: &tags, &issues)
        tagged(d.object("detailExtension", &issues), Self.detailExtensionKeys, Self.detailExtensionTags, into: &tags, &issues)
        let extended = ExtendedDetail(
            merchantCategoryCodeOverride: d.optionalString("merchantCategoryCodeOverride", &issues),
            laneId: d.has("laneId") ? d.int("laneId", &issues) : nil,
            serviceDevelopmentIndicator: d.has("serviceDevelopmentIndicator") ? d.int("serviceDevelopmentIndicator", &issues) : nil,
            existingDebt: d.bool("existingDebt", default: false, &issues),
            ucafCollectionIndicator: d.optionalString("ucafCollectionIndicator", &issues),
            eCommerceGoodsIndicator: d.optionalString("eCommerceGoodsIndicator", &issues),
            location: d.object("location", &issues).map { location($0, &issues) },
            masterCardServiceCode: d.optionalString("masterCardServiceCode", &issues),
            visaCardProductCode: d.optionalString("visaCardProductCode", &issues),
            discoverPosDataCode: d.optionalString("discoverPosDataCode", &issues),
            discoverPartialShipment: d.bool("discoverPartialShipment", default: false, &issues),
            detailExtension: tags,
            transactionSecurityIndicator: d.optionalString("transactionSecurityIndicator", &issues),
            softDescriptor: d.optionalString("softDescriptor", &issues),
            amexInsurance: d.object("amexInsurance", &issues).map { insurance($0, &issues) },
            // An advice object with nothing in it sends nothing, so it reads as none.
            amexTransactionAdvice: d.object("amexTransactionAdvice", &issues).map { advice($0, &issues) }.flatMap { $0.groups.isEmpty ? nil : $0 },
            canadianTaxes: elements(d, "canadianTaxes", Self.canadianTaxKeys, &issues) { o, issues in
                CanadianTax(
                    isIncluded: o.bool("isIncluded", default: true, &issues), amount: o.amount("amount", &issues),
                    rate: o.int("rate", &issues), rateExponent: o.int("rateExponent", &issues),
                    typeApplied: o.string("typeApplied", default: "", &issues), typeIdentifier: o.string("typeIdentifier", &issues))
            })
        return extended.isEmpty ? nil : extended
    }

    private func advice(_ o: DocumentObject, _ issues: inout IssueList) -> AmexTransactionAdvice {
        let o = o.reading(Self.adviceKeys, &issues)
        return AmexTransactionAdvice(
            retailDepartmentName: o.optionalString("retailDepartmentName", &issues),
            lodgingRenterName: o.optionalString("lodgingRenterName", &issues),
            additionalAmounts: elements(o, "additionalAmounts", Self.additionalAmountKeys, &issues) { o, issues in
                AmexTransactionAdvice.AdditionalAmount(
                    type: o.string("type", &issues), amount: o.amount("amount", &issues), isCredit: o.bool("isCredit", default: false, &issues))
            },
            retailItems: elements(o, "retailItems", Self.retailItemKeys, &issues) { o, issues in
                AmexTransactionAdvice.RetailItem(
                    description: o.string("description", &issues), quantity: o.int("quantity", default: 1, &issues),
                    unitAmount: o.amount("unitAmount", &issues))
            },
            lodgingItems: elements(o, "lodgingItems", Self.lodgingItemKeys, &issues) { o, issues in
                AmexTransactionAdvice.LodgingItem(roomRate: o.amount("roomRate", &issues), nights: o.int("nights", &issues))
            },
            chargeItems: elements(o, "chargeItems", Self.chargeItemKeys, &issues) { o, issues in
                AmexTransactionAdvice.ChargeItem(quantity: o.int("quantity", default: 1, &issues), unitAmount: o.amount("unitAmount", &issues))
            })
    }

    /// The objects of an array member, each read with its own keys.
    private func elements<T>(
        _ o: DocumentObject, _ key: StaticString, _ keys: KeySet, _ issues: inout IssueList,
        _ read: (DocumentObject, inout IssueList) -> T
    ) -> [T] {
        let pointer = o.path(key)
        var values: [T] = []
        for (index, element) in (o.array(key, &issues) ?? []).enumerated() {
            guard let item = DocumentObject(element, at: pointer, element: index, &issues)?.reading(keys, &issues) else { continue }
            values.append(read(item, &issues))
        }
        return values
    }

    private func insurance(_ o: DocumentObject, _ issues: inout IssueList) -> AmexInsurance {
        let o = o.reading(Self.amexInsuranceKeys, &issues)
        return AmexInsurance(
            policyNumber: o.string("policyNumber", &issues), coverageStartDate: o.date("coverageStartDate", &issues),
            coverageEndDate: o.date("coverageEndDate", &issues), premiumFrequency: o.string("premiumFrequency", default: "", &issues),
            additionalPolicyNumber: o.string("additionalPolicyNumber", default: "", &issues),
            policyType: o.string("policyType", default: "", &issues), insuredName: o.string("insuredName", &issues))
    }

    private func location(_ o: DocumentObject, _ issues: inout IssueList) -> LocationDetail {
        let o = o.reading(Self.locationKeys, &issues)
        return LocationDetail(
            name: o.string("name", &issues), address: o.string("address", default: "", &issues), city: o.string("city", &issues),
            region: o.string("region", default: "", &issues), country: o.string("country", default: "840", &issues),
            postalCode: o.string("postalCode", default: "", &issues))
    }

    /// Reads an object whose members are detail extension tags. The optional amount is a number
    /// of minor units in the document and twelve digits on the wire; every other value is text.
    private func tagged(
        _ o: DocumentObject?, _ keys: KeySet, _ table: [(StaticString, DetailExtensionTag)], into tags: inout DetailExtension,
        _ issues: inout IssueList
    ) {
        guard let o = o?.reading(keys, &issues) else { return }
        for (key, tag) in table where o.has(key) {
            if tag == .optionalAmount {
                let amount = o.amount(key, &issues)
                tags[tag] = amount.minorUnits >= 0 ? Self.twelveDigits(amount.minorUnits) : String(amount.minorUnits)
            } else {
                tags[tag] = o.string(key, &issues)
            }
        }
    }

    private static func twelveDigits(_ value: Int64) -> String {
        let digits = String(value)
        return digits.utf8.count >= 12 ? digits : String(repeating: "0", count: 12 - digits.utf8.count) + digits
    }
}
