import SettleFraming
import SettleModel
import SettleRecords
import SettleTestSupport
import Testing

/// Bill payments (market specific data `B`, group 31) and their transaction code, both ways of
/// the uncertain pairing in Table 4.59: `5B`/`9B`, or the purchase codes with the indicator alone.
@Suite struct BillPaymentCodeTests {
    static let off = WireProfile(billPaymentTransactionCodes: false)

    func billPayment(_ kind: TransactionType) -> DetailRecord {
        var d = SampleBatches.sale(kind.isCardNotPresent ? "4012888888881881" : "4111111111111111", kind: kind)
        d.marketSpecificData = "B"
        if kind.isForce {
            d.authorizationSource = "6"
            d.authorizedAmount = .zero
            d.cardholderId = kind.isCardNotPresent ? "N" : "@"
        }
        if kind.isDebit {
            d.debit = DirectDebit(
                retrievalReferenceNumber: "123456789012", systemTraceAuditNumber: 4711, networkId: "Q",
                settlementDate: LocalDate(year: 2026, month: 7, day: 26))
        }
        return d
    }

    /// The transaction code sent for one bill payment, and the record it decodes back to.
    func sent(_ kind: TransactionType, profile: WireProfile) throws -> (code: String, decoded: DetailRecord) {
        let batch = SampleBatches.batch(.retail, [billPayment(kind)])
        #expect(BatchValidator(profile: profile).validate(batch) == [])
        let code = try RecordProbe(batch, profile: profile).field(2, 10, 2)
        let wire = try BatchEncoder(profile: profile).encode(batch).framed.bytes
        // The decoder reads both forms whatever its own profile says.
        let decoded = try BatchDecoder(profile: profile.billPaymentTransactionCodes ? Self.off : .standard, referenceDate: SampleBatches.july26)
            .decode(wire)
        return (code, decoded.batch.detailRecords[0])
    }

    @Test(arguments: [
        (TransactionType.cardNotPresent, "5B", "56"), (.cardPresent, "5B", "54"), (.forceCardNotPresent, "5B", "56"),
        (.forceCardPresent, "5B", "54"), (.debitPurchase, "9B", "93"),
    ])
    func aBillPaymentGoesOutWithTheCodeTheProfileNamesAndComesBackTheSame(kind: TransactionType, on: String, off: String) throws {
        let withCode = try sent(kind, profile: .standard)
        #expect(withCode.code == on)
        #expect(withCode.decoded == billPayment(kind))
        let withoutCode = try sent(kind, profile: Self.off)
        #expect(withoutCode.code == off)
        #expect(withoutCode.decoded == billPayment(kind))
    }

    @Test func creditsAndRefundsKeepTheirOwnCodes() throws {
        var credit = SampleBatches.sale(kind: .offlineCredit)
        credit.marketSpecificData = "B"
        credit.authorizedAmount = .zero
        credit.approvalCode = ""
        credit.responseACI = ""
        credit.authorizationSource = "9"
        #expect(try RecordProbe(SampleBatches.batch(.retail, [credit])).field(2, 10, 2) == "CR")
    }

    @Test func withTheCodeTheCardholderIdMustSayWhetherTheCardWasPresent() {
        var remote = billPayment(.cardNotPresent)
        remote.cardholderId = "@"
        var batch = SampleBatches.batch(.retail, [remote])
        let issues = BatchValidator().validate(batch)
        #expect(issues.map(\.path) == ["/detailRecords/0/cardholderId"])
        #expect(BatchValidator(profile: Self.off).validate(batch) == [], "54/56 carry the card's presence themselves")
        var counter = billPayment(.cardPresent)
        counter.cardholderId = "N"
        batch.detailRecords = [counter]
        #expect(BatchValidator().validate(batch).map(\.path) == ["/detailRecords/0/cardholderId"])
    }
}
