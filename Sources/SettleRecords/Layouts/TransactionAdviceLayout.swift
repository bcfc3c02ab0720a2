import SettleModel

/// American Express transaction advice line item records (`A@@@@`, EIS 1081 Tables 3.13–3.16):
/// the line item type that follows the record type says which layout, and so the length.
enum TransactionAdviceLayout {
    /// One advice record, as it goes on the wire.
    enum Line: Sendable, Hashable {
        case additionalAmount(AmexTransactionAdvice.AdditionalAmount)
        case retail(AmexTransactionAdvice.RetailItem)
        case lodging(AmexTransactionAdvice.LodgingItem)
        case charge(AmexTransactionAdvice.ChargeItem)

        var typeCode: String {
            switch self {
            case .additionalAmount: "TAD"
            case .retail: "RET"
            case .lodging: "LOD"
            case .charge: "CPS"
            }
        }
    }

    /// Record length by line item type (prefix and record type included).
    static func length(typeCode: some Collection<UInt8>) -> Int? {
        switch String(decoding: typeCode, as: UTF8.self) {
        case "TAD": 28
        case "RET": 46
        case "LOD": 26
        case "CPS": 27
        default: nil
        }
    }

    static func length(_ line: Line) -> Int { length(typeCode: line.typeCode.utf8)! }

    /// The advice's records in the order they are sent: `TAD` lines first, then the addenda.
    static func lines(_ advice: AmexTransactionAdvice) -> [Line] {
        advice.additionalAmounts.map(Line.additionalAmount) + advice.retailItems.map(Line.retail)
            + advice.lodgingItems.map(Line.lodging) + advice.chargeItems.map(Line.charge)
    }

    static func code<C: FieldCoder>(_ line: inout Line, applicationType: inout Character, _ c: inout C) throws(RecordCodingError) {
        try RecordPrefix.code(applicationType: &applicationType, &c)
        var none = GroupSet()
        let mapField = c.fieldNumber
        try GroupMapCoding.code(.transactionAdvice, groups: &none, &c)
        if c.isDecoding && !none.isEmpty {
            throw RecordCodingError(fieldNumber: mapField, data: none.description, reason: "a transaction advice record has no optional groups")
        }
        let number = c.fieldNumber
        var type = line.typeCode
        try c.text(&type, 3)
        if c.isDecoding {
            switch type {
            case "TAD": line = .additionalAmount(AmexTransactionAdvice.AdditionalAmount(type: "", amount: .zero))
            case "RET": line = .retail(AmexTransactionAdvice.RetailItem(description: "", unitAmount: .zero))
            case "LOD": line = .lodging(AmexTransactionAdvice.LodgingItem(roomRate: .zero, nights: 0))
            case "CPS": line = .charge(AmexTransactionAdvice.ChargeItem(unitAmount: .zero))
            default: throw RecordCodingError(fieldNumber: number, data: type, reason: "line item type must be TAD, RET, LOD or CPS (Table 4.35)")
            }
        }
        switch line {
        case .additionalAmount(var amount):
            try c.numericText(&amount.type, 3)
            try c.amount(&amount.amount)
            let signField = c.fieldNumber
            var sign = amount.isCredit ? "-" : "+"
            try c.text(&sign, 1)
            guard sign == "+" || sign == "-" else { throw RecordCodingError(fieldNumber: signField, data: sign, reason: "sign must be + or -") }
            amount.isCredit = sign == "-"
            line = .additionalAmount(amount)
        case .retail(var item):
            try c.text(&item.description, 19)
            try c.number(&item.quantity, 3)
            try c.amount(&item.unitAmount)
            line = .retail(item)
        case .lodging(var item):
            try c.amount(&item.roomRate)
            try c.number(&item.nights, 2)
            line = .lodging(item)
        case .charge(var item):
            try c.number(&item.quantity, 3)
            try c.amount(&item.unitAmount)
            line = .charge(item)
        }
    }
}
