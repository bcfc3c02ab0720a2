/// A tax that may be an amount, declared exempt, or not provided (class reference `LocalTax`).
public enum TaxAmount: Sendable, Hashable {
    case notProvided
    case exempt
    case amount(Amount)
}
