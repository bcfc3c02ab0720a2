import SettleModel
import SettleSimulator
import Testing

@Suite struct DuplicateBatchRegistryTests {
    let key = DuplicateBatchRegistry.Key(merchantNumber: "888000002200", terminalNumber: "1515", batchNumber: 42)
    let day = LocalDate(year: 2026, month: 7, day: 26)

    @Test func aBatchNumberIsADuplicateForFiveDays() {
        let registry = DuplicateBatchRegistry()
        #expect(registry.acceptedRecently(key, on: day) == nil)
        registry.accept(key, on: day)
        #expect(registry.acceptedRecently(key, on: day) == day)
        #expect(registry.acceptedRecently(key, on: day.adding(days: 4)) == day)
        #expect(registry.acceptedRecently(key, on: day.adding(days: 5)) == nil)
    }

    @Test func anotherTerminalOrBatchNumberIsNotADuplicate() {
        let registry = DuplicateBatchRegistry()
        registry.accept(key, on: day)
        var other = key
        other.terminalNumber = "1516"
        #expect(registry.acceptedRecently(other, on: day) == nil)
        other = key
        other.batchNumber = 43
        #expect(registry.acceptedRecently(other, on: day) == nil)
    }
}
