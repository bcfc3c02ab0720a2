/// Level II commercial card data: the class reference's `TSYSLevel2`.
///
/// Visa and MasterCard use ``isTaxExempt``, ``localSalesTax`` and ``purchaseOrderNumber``
/// (detail group 22); American Express uses only the `amex*` fields (detail group 21).
public struct Level2: Sendable, Hashable {
    public var cardType: Level2CardType
    public var isTaxExempt: Bool
    /// Local sales tax; when non-zero it must be 0.1%–22% of the settlement amount.
    public var localSalesTax: Amount?
    /// Customer reference / purchase order number, up to 17 characters on the wire.
    public var purchaseOrderNumber: String
    public var amexSupplierNumber: String
    public var amexCardholderReference: String
    public var amexShippedToZip: String
    public var amexSalesTax: Amount?
    public var amexChargeDescriptor: String
    /// American Express CAPN corporate purchasing extension (detail group 39): who asked for the purchase, up to 38 characters.
    public var amexRequesterName: String
    /// Group 39: total tax on the purchase.
    public var amexTotalTaxAmount: Amount?
    /// Group 39: the kind of tax in ``amexTotalTaxAmount``, 3 digits.
    public var amexTaxTypeCode: String
    /// Group 30 (American Express CPC charge descriptors 2–4), up to 40 characters each.
    public var amexChargeDescriptor2: String
    public var amexChargeDescriptor3: String
    public var amexChargeDescriptor4: String

    public init(
        cardType: Level2CardType, isTaxExempt: Bool = false, localSalesTax: Amount? = nil, purchaseOrderNumber: String = "",
        amexSupplierNumber: String = "", amexCardholderReference: String = "", amexShippedToZip: String = "",
        amexSalesTax: Amount? = nil, amexChargeDescriptor: String = "", amexRequesterName: String = "",
        amexTotalTaxAmount: Amount? = nil, amexTaxTypeCode: String = "", amexChargeDescriptor2: String = "",
        amexChargeDescriptor3: String = "", amexChargeDescriptor4: String = ""
    ) {
        self.cardType = cardType
        self.isTaxExempt = isTaxExempt
        self.localSalesTax = localSalesTax
        self.purchaseOrderNumber = purchaseOrderNumber
        self.amexSupplierNumber = amexSupplierNumber
        self.amexCardholderReference = amexCardholderReference
        self.amexShippedToZip = amexShippedToZip
        self.amexSalesTax = amexSalesTax
        self.amexChargeDescriptor = amexChargeDescriptor
        self.amexRequesterName = amexRequesterName
        self.amexTotalTaxAmount = amexTotalTaxAmount
        self.amexTaxTypeCode = amexTaxTypeCode
        self.amexChargeDescriptor2 = amexChargeDescriptor2
        self.amexChargeDescriptor3 = amexChargeDescriptor3
        self.amexChargeDescriptor4 = amexChargeDescriptor4
    }

    /// Whether group 30 is sent (any of charge descriptors 2–4).
    public var hasMoreChargeDescriptors: Bool {
        !amexChargeDescriptor2.isEmpty || !amexChargeDescriptor3.isEmpty || !amexChargeDescriptor4.isEmpty
    }

    /// Whether any group 39 field is set (American Express only).
    public var hasPurchasingExtension: Bool { !amexRequesterName.isEmpty || amexTotalTaxAmount != nil || !amexTaxTypeCode.isEmpty }
}
