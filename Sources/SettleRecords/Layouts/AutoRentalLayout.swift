import SettleModel

/// Detail groups 4 (auto rental, 52 bytes), 13 (renter and return location, 51 bytes) and 42
/// (American Express auto rental, 177 bytes).
enum AutoRentalLayout {
    static func code<C: FieldCoder>(_ d: inout DetailRecord, _ c: inout C) throws(RecordCodingError) {
        try DetailGroupLayouts.purchase(&d, format: "3", &c)
        var rental = d.autoRental ?? AutoRental(rentalDate: LocalDate.placeholder)
        try c.text(&rental.marketSpecificDataIdentifier, 1)
        try c.flag(&rental.noShow)
        try c.leftDigits(&rental.extraCharges, 6)
        try c.date(&rental.rentalDate, .yearMonthDay)
        if c.isDecoding { d.autoRental = rental }
    }

    static func returnDetails<C: FieldCoder>(_ d: inout DetailRecord, _ c: inout C) throws(RecordCodingError) {
        var rental = d.autoRental ?? AutoRental(rentalDate: LocalDate.placeholder)
        var back = rental.returnDetails ?? AutoRentalReturn()
        try c.text(&back.renterName, 20)
        try c.text(&back.returnCity, 18)
        try c.text(&back.returnStateOrCountry, 3)
        try c.text(&back.returnLocationId, 10)
        rental.returnDetails = back
        if c.isDecoding { d.autoRental = rental }
    }

    /// Group 42 (§4.27): dates as CCYYMMDD, times as HHMMSS.
    static func amex<C: FieldCoder>(_ d: inout DetailRecord, _ c: inout C) throws(RecordCodingError) {
        var rental = d.autoRental ?? AutoRental(rentalDate: LocalDate.placeholder)
        var a =
            rental.amex
            ?? AmexAutoRental(agreementNumber: "", pickupCity: "", pickupDate: .placeholder, returnCity: "", returnDate: .placeholder, renterName: "")
        try c.text(&a.agreementNumber, 14)
        try c.text(&a.pickupLocation, 38)
        try c.text(&a.pickupCity, 18)
        try c.text(&a.pickupRegion, 3)
        try c.text(&a.pickupCountry, 3)
        try c.date(&a.pickupDate, .centuryYearMonthDay)
        try c.time(&a.pickupTime)
        try c.text(&a.returnCity, 18)
        try c.text(&a.returnRegion, 3)
        try c.text(&a.returnCountry, 3)
        try c.date(&a.returnDate, .centuryYearMonthDay)
        try c.time(&a.returnTime)
        try c.text(&a.renterName, 26)
        try c.text(&a.vehicleClassId, 4)
        try c.number(&a.distance, 5)
        try c.text(&a.distanceUnit, 1)
        try c.text(&a.auditAdjustmentIndicator, 1)
        try c.amount(&a.auditAdjustmentAmount)
        rental.amex = a
        if c.isDecoding { d.autoRental = rental }
    }
}
