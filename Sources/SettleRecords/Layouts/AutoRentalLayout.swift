import SettleModel

/// Detail groups 4 (auto rental, 52 bytes) and 13 (renter and return location, 51 bytes).
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
}
