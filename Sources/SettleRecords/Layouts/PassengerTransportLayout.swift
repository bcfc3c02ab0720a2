import SettleModel

/// Detail group 9, passenger transport (Visa): 75 bytes with four 7-byte trip legs.
enum PassengerTransportLayout {
    static func code<C: FieldCoder>(_ d: inout DetailRecord, _ c: inout C) throws(RecordCodingError) {
        var trip =
            d.passengerTransport
            ?? PassengerTransport(ticketNumber: "", passengerName: "", departureDate: LocalDate.placeholder, origin: "", legs: [])
        try c.flag(&trip.restrictedTicket)
        try c.number(&trip.passengerNumber, 2)
        try c.number(&trip.passengerCount, 2)
        try c.text(&trip.ticketNumber, 13)
        try c.text(&trip.passengerName, 20)
        try c.date(&trip.departureDate, .monthDayYear)
        try c.text(&trip.origin, 3)
        var legs: [TripLeg] = []
        for index in 0..<PassengerTransport.maximumLegs {
            // Unused legs are space-filled, and once one is, all that follow are.
            var leg = index < trip.legs.count ? trip.legs[index] : TripLeg(carrier: "", serviceClass: "", destination: "")
            try c.text(&leg.carrier, 2)
            try c.text(&leg.serviceClass, 1)
            try c.text(&leg.stopOver, 1)
            try c.text(&leg.destination, 3)
            if !(leg.carrier.isEmpty && leg.serviceClass.isEmpty && leg.stopOver.isEmpty && leg.destination.isEmpty) {
                legs.append(leg)
            }
        }
        if c.isDecoding { trip.legs = legs }
        if c.isDecoding { d.passengerTransport = trip }
    }
}
