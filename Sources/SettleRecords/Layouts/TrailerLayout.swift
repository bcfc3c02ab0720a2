import SettleModel

/// The trailer record (EIS 1081 Table 3.17): 73 bytes, computed from the batch.
enum TrailerLayout {
    static let length = 73

    static func code<C: FieldCoder>(
        date: inout LocalDate, batchNumber: inout Int, totals: inout BatchTotals, applicationType: inout Character, _ c: inout C
    ) throws(RecordCodingError) {
        try RecordPrefix.code(applicationType: &applicationType, &c)
        var none = GroupSet()
        try GroupMapCoding.code(.trailer, groups: &none, &c)
        try c.date(&date, .monthDay)
        try c.number(&batchNumber, 3)
        try c.number(&totals.recordCount, 9)
        try c.digits(&totals.hashingTotal, 16)
        try c.digits(&totals.cashBackTotal, 16)
        try c.digits(&totals.netDeposit, 16)
    }
}
