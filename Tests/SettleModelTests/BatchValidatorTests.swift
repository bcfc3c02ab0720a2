import SettleModel
import SettleTestSupport
import Testing

@Suite struct BatchValidatorTests {
    @Test(arguments: IndustryType.allCases)
    func baseBatchesAreValid(industry: IndustryType) {
        #expect(BatchValidator().validate(RuleCase.base(industry)) == [])
    }

    @Test(
        arguments: BatchRules.cases + MerchantRules.cases + DetailRules.cases + IndustryRules.cases + CommercialRules.cases + ChipRules.cases
            + ExtendedRules.cases)
    func eachRuleRejectsItsViolation(rule: RuleCase) {
        var batch = RuleCase.base(rule.industry)
        rule.change(&batch)
        let issues = BatchValidator(profile: rule.profile).validate(batch)
        #expect(
            issues.contains { $0.code == rule.code && $0.path == rule.path },
            "\(rule.name): expected \(rule.code.rawValue) at \(rule.path), got \(issues)")
    }

    @Test func americanExpressIdentifiersUpToTheirSignificantLengthAreValid() {
        var order = RuleCase.base(.directMarketing)
        RuleCase.amex(&order)
        order.detailRecords[0].purchaseIdentifier = "ORDER-773"
        #expect(BatchValidator().validate(order) == [])
        order.detailRecords[0].cardNumber = CardNumber("4012888888881881")
        order.detailRecords[0].purchaseIdentifier = String(repeating: "7", count: 25)
        #expect(BatchValidator().validate(order) == [], "other brands use all 25 characters")
        var stay = RuleCase.base(.hotel)
        RuleCase.amex(&stay)
        stay.detailRecords[0].purchaseIdentifier = "FOLIO-7731-2"
        #expect(BatchValidator().validate(stay) == [])
    }

    @Test func aVisaChipReadNeedsNoAddendumButOneGivenIsChecked() {
        var batch = RuleCase.base(.retail)
        batch.detailRecords[0].accountDataSource = "G"
        #expect(BatchValidator().validate(batch) == [], "the addendum is optional for Visa")
        ChipRules.chip(&batch)
        #expect(BatchValidator().validate(batch) == [])
    }

    @Test func deviceCodeXForChipDataIsOneSettingTestedBothWays() {
        var batch = RuleCase.base(.retail)
        ChipRules.chip(&batch)
        batch.settings.deviceCode = "Q"
        #expect(BatchValidator().validate(batch).map(\.path) == ["/settings/deviceCode"])
        #expect(BatchValidator(profile: WireProfile(emvDeviceCode: false)).validate(batch) == [])
        batch.detailRecords[0].chip = nil
        #expect(BatchValidator().validate(batch) == [], "without chip data any device code goes")
    }

    @Test func everyProblemIsReportedAtOnce() {
        var batch = RuleCase.base(.retail)
        batch.batchNumber = 0
        batch.merchant.bankId = "000000"
        batch.detailRecords[0].cardNumber = CardNumber("4111111111111112")
        batch.detailRecords.append(batch.detailRecords[0])
        batch.detailRecords[1].settlementAmount = 0
        let issues = BatchValidator().validate(batch)
        #expect(
            Set(issues.map(\.path)).isSuperset(of: [
                "/batchNumber", "/merchant/bankId", "/detailRecords/0/cardNumber", "/detailRecords/1/cardNumber", "/detailRecords/1/settlementAmount",
            ]))
        #expect(issues.first { $0.path == "/detailRecords/1/settlementAmount" }?.detailIndex == 1)
    }

    @Test func messagesNeverContainTheCardNumber() {
        var batch = RuleCase.base(.retail)
        batch.detailRecords[0].cardNumber = CardNumber("4111111111111112")
        let text = BatchValidator().validate(batch).map(\.description).joined()
        #expect(text.contains("411111******1112"))
        #expect(!text.contains("4111111111111112"))
    }

    @Test func legacyProfileAcceptsBatchesWithoutModernGroups() {
        var batch = RuleCase.base(.retail)
        batch.settings.developerId = nil
        batch.settings.applicationId = nil
        batch.detailRecords[0].posDataCode = nil
        #expect(BatchValidator(profile: .legacySamples).validate(batch) == [])
        #expect(BatchValidator().validate(batch).count == 2)
    }

    @Test func masterCardDescriptionOf36CharactersNeedsTheSetting() {
        var batch = RuleCase.base(.retail)
        RuleCase.masterCard(&batch)
        batch.detailRecords[0].level3 = Level3(
            cardType: .masterCard,
            lineItems: [LineItem(description: String(repeating: "D", count: 36), total: 100, debitCreditIndicator: "D")])
        #expect(BatchValidator().validate(batch).map(\.code) == [.invalidLength])
        #expect(BatchValidator(profile: WireProfile(masterCardLineItemDescriptionLength: 36)).validate(batch) == [])
    }
}

/// Records are visited in place, in order, each lent read-only (the body cannot change one: a
/// `borrowing` parameter), and the batch is the same afterwards.
@Suite struct ReadOnlyRecordsTests {
    @Test func everyRecordIsVisitedInOrderAndLeftAsItWas() {
        let records = [
            SampleBatches.sale(amount: 100, number: 1), SampleBatches.sale(amount: 200, number: 2), SampleBatches.sale(amount: 300, number: 3),
        ]
        var seen: [(Int, Int64)] = []
        ReadOnlyRecords.forEach(records) { index, record in seen.append((index, record.settlementAmount.minorUnits)) }
        #expect(seen.map(\.0) == [0, 1, 2])
        #expect(seen.map(\.1) == [100, 200, 300])
        #expect(records.map(\.transactionNumber) == [1, 2, 3])
        ReadOnlyRecords.forEach([DetailRecord]()) { _, _ in Issue.record("an empty batch has no records to visit") }
    }
}
