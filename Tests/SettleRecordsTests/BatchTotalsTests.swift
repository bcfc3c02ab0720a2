import SettleModel
import SettleRecords
import SettleTestSupport
import Testing

/// The trailer's totals, for batches a validator passed and for what a client sends the simulator.
@Suite struct BatchTotalsTests {
    @Test func totalsAddSalesAndSubtractCredits() {
        var credit = SampleBatches.sale("5555555555554444", amount: 300, number: 2)
        credit.transactionType = .offlineCredit
        let totals = BatchTotals(details: [SampleBatches.sale(amount: 1000), credit])
        #expect(totals.recordCount == 5)
        #expect(totals.hashingTotal == 1300)
        #expect(totals.netDeposit == 700)
        #expect(!totals.netDepositIsCredit)
    }

    /// The simulator totals decoded batches of any size: sums past Int64 saturate instead of
    /// trapping, and so can never equal a trailer's 16-digit total (issue 10).
    @Test func sumsBeyondInt64SaturateInsteadOfTrapping() {
        let sales = Array(repeating: SampleBatches.sale(amount: Amount(minorUnits: .max)), count: 3)
        let totals = BatchTotals(details: sales)
        #expect(totals.hashingTotal == .max)
        #expect(totals.netDeposit == .max)
        var credits = sales
        for index in credits.indices { credits[index].transactionType = .offlineCredit }
        let owed = BatchTotals(details: credits)
        #expect(owed.netDepositIsCredit)
        #expect(owed.netDeposit == .max)
        // A credit of Int64.min (no decoder makes one) is not negated into a trap either.
        var lowest = SampleBatches.sale(amount: Amount(minorUnits: .min))
        lowest.transactionType = .offlineCredit
        #expect(BatchTotals(details: [lowest]).netDeposit == .max)
    }
}
