/// One Canadian tax on a MasterCard Canada intracountry commercial sale: a Canadian tax line item
/// record after the detail, up to six, counted in detail group 29 (EIS 1081 §3.2.12).
public struct CanadianTax: Sendable, Hashable {
    /// The tax is included in the sale amount (`Y`) or not (`N`).
    public var isIncluded: Bool
    public var amount: Amount
    /// The rate's digits, 0–99999, with ``rateExponent`` decimals (`12345` and `3` is 12.345).
    public var rate: Int
    public var rateExponent: Int
    /// Tax type applied, up to 4 characters (spaces unless MasterCard says otherwise).
    public var typeApplied: String
    /// Tax type identifier, 2 digits (`00` … `22`, §4.283).
    public var typeIdentifier: String

    public init(isIncluded: Bool = true, amount: Amount, rate: Int, rateExponent: Int, typeApplied: String = "", typeIdentifier: String) {
        self.isIncluded = isIncluded
        self.amount = amount
        self.rate = rate
        self.rateExponent = rateExponent
        self.typeApplied = typeApplied
        self.typeIdentifier = typeIdentifier
    }
}
