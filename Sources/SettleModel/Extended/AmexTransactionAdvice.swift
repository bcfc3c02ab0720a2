/// American Express transaction advice: the retail department (detail group 33) or lodging renter
/// (group 34), and the advice line item records that follow the detail, counted in group 35
/// (EIS 1081 §3.2.13–3.2.16; `docs/wire/addenda-groups.md`).
public struct AmexTransactionAdvice: Sendable, Hashable {
    /// Transaction advice detail (`TAD`): an amount already included in the sale, by kind.
    public struct AdditionalAmount: Sendable, Hashable {
        /// Additional amount type, 3 digits (Table 4.8: `001` …, `075`).
        public var type: String
        public var amount: Amount
        /// `-` on the wire: the amount is a credit to the cardmember.
        public var isCredit: Bool

        public init(type: String, amount: Amount, isCredit: Bool = false) {
            self.type = type
            self.amount = amount
            self.isCredit = isCredit
        }
    }

    /// A retail item (`RET`, with group 33).
    public struct RetailItem: Sendable, Hashable {
        /// Up to 19 characters.
        public var description: String
        /// 0–999.
        public var quantity: Int
        /// The price of one item.
        public var unitAmount: Amount

        public init(description: String, quantity: Int = 1, unitAmount: Amount) {
            self.description = description
            self.quantity = quantity
            self.unitAmount = unitAmount
        }
    }

    /// A lodging stay (`LOD`, with group 34).
    public struct LodgingItem: Sendable, Hashable {
        public var roomRate: Amount
        /// 0–99.
        public var nights: Int

        public init(roomRate: Amount, nights: Int) {
            self.roomRate = roomRate
            self.nights = nights
        }
    }

    /// A corporate purchasing charge item (`CPS`, with group 39).
    public struct ChargeItem: Sendable, Hashable {
        /// 0–999.
        public var quantity: Int
        public var unitAmount: Amount

        public init(quantity: Int = 1, unitAmount: Amount) {
            self.quantity = quantity
            self.unitAmount = unitAmount
        }
    }

    /// Group 33: retail department name, up to 40 characters.
    public var retailDepartmentName: String?
    /// Group 34: lodging renter name, up to 26 characters.
    public var lodgingRenterName: String?
    public var additionalAmounts: [AdditionalAmount]
    public var retailItems: [RetailItem]
    public var lodgingItems: [LodgingItem]
    public var chargeItems: [ChargeItem]

    public init(
        retailDepartmentName: String? = nil, lodgingRenterName: String? = nil, additionalAmounts: [AdditionalAmount] = [],
        retailItems: [RetailItem] = [], lodgingItems: [LodgingItem] = [], chargeItems: [ChargeItem] = []
    ) {
        self.retailDepartmentName = retailDepartmentName
        self.lodgingRenterName = lodgingRenterName
        self.additionalAmounts = additionalAmounts
        self.retailItems = retailItems
        self.lodgingItems = lodgingItems
        self.chargeItems = chargeItems
    }

    /// Group 35's second count: the transaction advice addenda (`RET`, `LOD` and `CPS`) records.
    public var addendaCount: Int { retailItems.count + lodgingItems.count + chargeItems.count }
    /// Every `A@@@@` record this advice sends.
    public var recordCount: Int { additionalAmounts.count + addendaCount }

    /// The groups it fills: 33, 34, and 35 when any advice record follows.
    public var groups: GroupSet {
        var set = GroupSet()
        if retailDepartmentName != nil { set.insert(group: 33) }
        if lodgingRenterName != nil { set.insert(group: 34) }
        if recordCount > 0 { set.insert(group: 35) }
        return set
    }
}
