import SettleModel

/// Large realistic batches: e-commerce (groups 3, 12, 32), hotel (groups 5, 32) and chip
/// retail (group 32 and a chip card addendum on every detail).
enum BenchBatch {
    static let transmission = LocalDate(year: 2026, month: 11, day: 26)

    /// A contact TC with every field the four brands require.
    static let chip = ChipData(
        terminalTransactionDate: transmission, terminalVerificationResults: "0000008000", applicationTransactionCounter: "001C",
        applicationInterchangeProfile: "1980", applicationCryptogram: "5E1A7C2B9D3F4A60", unpredictableNumber: "9A8B7C6D",
        issuerApplicationData: "06010A03A00000", cryptogramInformationData: "40", terminalCapabilities: "E0F8C8", cardSequenceNumber: 1,
        cvmResults: "1F0302", formFactorIndicator: "20700000")

    static func make(industry: IndustryType, records: Int) -> Batch {
        let merchant = Merchant(
            bankId: "999995", agentBankNumber: "000000", agentChainNumber: "111111", number: "888000002200", storeNumber: "5999",
            terminalNumber: "1515", categoryCode: industry == .hotel ? "7011" : "5999", name: "BENCH MERCHANT", city: "DURHAM",
            state: "NC", zip: "27713", localPhone: "919-5551234", servicePhone: "800-5551234", terminalId: "00000001")
        let cards = ["4111111111111111", "5555555555554444", "4012888888881881", "5105105105105100"]
        let details = (0..<records).map { index -> DetailRecord in
            let amount = Amount(minorUnits: Int64(100 + (index * 7919) % 9_000_000))
            let present = industry != .directMarketing
            var detail = DetailRecord(
                transactionType: present ? .cardPresent : .cardNotPresent, cardholderId: present ? "@" : "N",
                accountDataSource: industry == .hotel ? "D" : present ? "G" : "@", cardNumber: CardNumber(cards[index % cards.count]),
                settlementAmount: amount, authorizedAmount: amount, transactionDate: transmission.adding(days: -(index % 30)),
                transactionTime: TimeOfDay(hour: index % 24, minute: index % 60, second: (index / 60) % 60),
                transactionNumber: 1 + index % 9999, approvalCode: "A\(10000 + index % 89999)", authorizationSource: "5",
                responseACI: "E", responseCode: "00", avsResult: "Y", transactionId: "30512345678\(1000 + index % 8999)",
                validationCode: "X1Y2", purchaseIdentifier: industry == .retail ? "" : "ORDER\(index)", posDataCode: "ZZZZ0100000Z")
            switch industry {
            case .hotel: detail.lodging = Lodging(checkInDate: detail.transactionDate.adding(days: -2), extraCharges: "24")
            case .retail: detail.chip = chip
            default: detail.cardNotPresent = CardNotPresentData(motoIndicator: "7")
            }
            return detail
        }
        return Batch(
            merchant: merchant, industryType: industry, batchNumber: 1, transmissionDate: transmission,
            settings: BatchSettings(
                combineRecords: true, deviceCode: industry == .retail ? "X" : "Q", developerId: "003318", applicationId: "A001"),
            detailRecords: details)
    }
}
