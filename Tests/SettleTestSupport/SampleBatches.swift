import SettleModel

/// Batches used across the test targets, built from the spec's public test merchant values.
public enum SampleBatches {
    public static let july26 = LocalDate(year: 2026, month: 7, day: 26)

    /// The synthetic direct-marketing batch of wire-protocol.md §2.11 (no developer id, no POS data code).
    public static func spec211() -> Batch {
        let merchant = Merchant(
            bankId: "999995", agentBankNumber: "000000", agentChainNumber: "000000", number: "999999999911",
            storeNumber: "0011", terminalNumber: "9911", categoryCode: "5999", name: "INTERNET SERVICE PROVIDER",
            city: "GLOUCESTER", state: "VA", zip: "54321-1420", timeZone: "705", terminalId: "00000001", locationNumber: "00001")
        let detail = DetailRecord(
            transactionType: .cardNotPresent, cardholderId: "N", accountDataSource: "@",
            cardNumber: CardNumber("4012888888881881"), settlementAmount: 1000, authorizedAmount: 1000,
            transactionDate: july26, transactionTime: TimeOfDay(hour: 10, minute: 15, second: 0), transactionNumber: 1,
            approvalCode: "123456", authorizationSource: "5", requestedACI: "Y", responseACI: "A", responseCode: "00",
            avsResult: "Y", transactionId: "012345678901234", validationCode: "ABCD", reimbursementAttribute: "0",
            totalAuthorizedAmount: 1000, purchaseIdentifier: "ORDER0001",
            cardNotPresent: CardNotPresentData(motoIndicator: "7"))
        return Batch(
            merchant: merchant, industryType: .directMarketing, batchNumber: 1, transmissionDate: july26,
            settings: BatchSettings(combineRecords: false, deviceCode: "Q"), detailRecords: [detail])
    }

    /// The test merchant with modern header data (developer id) for an industry.
    public static func merchant(_ industry: IndustryType) -> Merchant {
        Merchant(
            bankId: "999995", agentBankNumber: "000000", agentChainNumber: "111111", number: "888000002200",
            storeNumber: "5999", terminalNumber: "1515", categoryCode: "5999", name: "TEST MERCHANT",
            city: industry.isCardNotPresent ? "" : "BEVERLY HILLS", state: "CA", zip: "90210",
            localPhone: "310-5551234", servicePhone: "800-5551234", terminalId: "V0000001", locationNumber: "00001")
    }

    public static let modernSettings = BatchSettings(combineRecords: true, deviceCode: "Q", developerId: "003318", applicationId: "A001")

    /// A card-present sale authorized on-line, with a POS data code.
    public static func sale(
        _ card: String = "4111111111111111", amount: Amount = 2500, kind: TransactionType = .cardPresent, number: Int = 1
    ) -> DetailRecord {
        DetailRecord(
            transactionType: kind, cardholderId: kind == .cardNotPresent ? "N" : "@", accountDataSource: kind == .cardNotPresent ? "@" : "D",
            cardNumber: CardNumber(card), settlementAmount: amount, authorizedAmount: amount,
            transactionDate: LocalDate(year: 2026, month: 7, day: 25), transactionTime: TimeOfDay(hour: 18, minute: 30, second: 5),
            transactionNumber: number, approvalCode: "A1B2C3", authorizationSource: "5", requestedACI: "Y", responseACI: "E",
            responseCode: "00", avsResult: "0", transactionId: "305123456789012", validationCode: "X1Y2",
            posDataCode: "CNPN0100000Z")
    }

    /// A modern batch of one industry holding the given details.
    public static func batch(_ industry: IndustryType, _ details: [DetailRecord], number: Int = 42) -> Batch {
        Batch(
            merchant: merchant(industry), industryType: industry, batchNumber: number, transmissionDate: july26,
            settings: modernSettings, detailRecords: details)
    }
}
