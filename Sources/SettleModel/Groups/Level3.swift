/// Level III commercial card data: the class reference's `TSYSLevel3`.
///
/// Encoded as the commercial card group (25), the brand's enhanced-data summary (26 Visa,
/// 27 MasterCard) and one line-item record per ``lineItems`` element.
public struct Level3: Sendable, Hashable {
    public var cardType: Level3CardType
    public var localTax: TaxAmount
    /// National tax; `nil` when not included.
    public var nationalTax: Amount?
    /// Purchase order / customer reference id, up to 17 characters.
    public var purchaseOrder: String
    public var freightAmount: Amount
    public var dutyAmount: Amount
    public var destinationZip: String
    public var shipFromZip: String
    /// ISO 3166 numeric or alpha code, up to 3 characters.
    public var destinationCountry: String
    /// Visa: merchant VAT registration number, up to 20.
    public var merchantTaxId: String
    /// Visa: customer VAT registration number, up to 13.
    public var customerTaxId: String
    /// Visa: summary commodity code, up to 4.
    public var commodityCode: String
    /// Visa: discount amount.
    public var discountAmount: Amount
    /// Visa: unique VAT invoice reference number, up to 15.
    public var taxInvoiceNumber: String
    /// Visa: order date.
    public var orderDate: LocalDate?
    /// Visa: VAT / tax amount on freight.
    public var freightTaxAmount: Amount
    /// Visa: VAT / tax rate on freight, hundredths of a percent (`825` = 8.25%), 0–9999.
    public var freightTaxRate: Int
    /// MasterCard: alternate tax amount, up to 9 digits; `nil` when not provided.
    public var alternateTaxAmount: Amount?
    public var lineItems: [LineItem]

    public init(
        cardType: Level3CardType, localTax: TaxAmount = .notProvided, nationalTax: Amount? = nil, purchaseOrder: String = "",
        freightAmount: Amount = 0, dutyAmount: Amount = 0, destinationZip: String = "", shipFromZip: String = "",
        destinationCountry: String = "", merchantTaxId: String = "", customerTaxId: String = "", commodityCode: String = "",
        discountAmount: Amount = 0, taxInvoiceNumber: String = "", orderDate: LocalDate? = nil, freightTaxAmount: Amount = 0,
        freightTaxRate: Int = 0, alternateTaxAmount: Amount? = nil, lineItems: [LineItem] = []
    ) {
        self.cardType = cardType
        self.localTax = localTax
        self.nationalTax = nationalTax
        self.purchaseOrder = purchaseOrder
        self.freightAmount = freightAmount
        self.dutyAmount = dutyAmount
        self.destinationZip = destinationZip
        self.shipFromZip = shipFromZip
        self.destinationCountry = destinationCountry
        self.merchantTaxId = merchantTaxId
        self.customerTaxId = customerTaxId
        self.commodityCode = commodityCode
        self.discountAmount = discountAmount
        self.taxInvoiceNumber = taxInvoiceNumber
        self.orderDate = orderDate
        self.freightTaxAmount = freightTaxAmount
        self.freightTaxRate = freightTaxRate
        self.alternateTaxAmount = alternateTaxAmount
        self.lineItems = lineItems
    }
}
