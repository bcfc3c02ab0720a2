/// One Level III line item: the class reference's `TSYSLineItem`, sent as an `L` record.
public struct LineItem: Sendable, Hashable {
    /// Visa only: item commodity code, up to 12.
    public var commodityCode: String
    /// Up to 35 characters (36 where the MasterCard layout setting says so).
    public var description: String
    public var productCode: String
    /// Quantity in ten-thousandths of a unit (`10000` = 1).
    public var quantity: Int64
    /// Unit of measure, up to 12.
    public var unitOfMeasure: String
    /// Visa only: cost per unit in minor units.
    public var unitCost: Amount
    public var taxAmount: Amount
    /// Tax rate in hundredths of a percent (`825` = 8.25%), 0–9999.
    public var taxRate: Int
    public var discountAmount: Amount
    /// Line total (MasterCard: extended item amount, at most 9 digits).
    public var total: Amount
    /// MasterCard only: `D` debit or `C` credit.
    public var debitCreditIndicator: String
    /// MasterCard only: alternate tax identifier, up to 15.
    public var alternateTaxId: String
    /// MasterCard only: tax type applied, up to 4.
    public var taxType: String
    /// MasterCard only: discount indicator `Y`/`N`, empty when unused.
    public var discountIndicator: String
    /// MasterCard only: `Y` total includes tax, `N` excludes, empty when unused.
    public var netGrossIndicator: String
    /// MasterCard only: discount rate in hundredths of a percent, 0–99999.
    public var discountRate: Int

    public init(
        commodityCode: String = "", description: String, productCode: String = "", quantity: Int64 = 10_000,
        unitOfMeasure: String = "", unitCost: Amount = 0, taxAmount: Amount = 0, taxRate: Int = 0,
        discountAmount: Amount = 0, total: Amount, debitCreditIndicator: String = "", alternateTaxId: String = "",
        taxType: String = "", discountIndicator: String = "", netGrossIndicator: String = "", discountRate: Int = 0
    ) {
        self.commodityCode = commodityCode
        self.description = description
        self.productCode = productCode
        self.quantity = quantity
        self.unitOfMeasure = unitOfMeasure
        self.unitCost = unitCost
        self.taxAmount = taxAmount
        self.taxRate = taxRate
        self.discountAmount = discountAmount
        self.total = total
        self.debitCreditIndicator = debitCreditIndicator
        self.alternateTaxId = alternateTaxId
        self.taxType = taxType
        self.discountIndicator = discountIndicator
        self.netGrossIndicator = netGrossIndicator
        self.discountRate = discountRate
    }
}
