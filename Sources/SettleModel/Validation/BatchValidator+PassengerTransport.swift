extension BatchValidator {
    func checkPassengerTransport(_ d: DetailRecord, at p: JSONPath, industry: IndustryType, _ c: inout IssueCollector) {
        guard let trip = d.passengerTransport else { return }
        let q = p + "/passengerTransport"
        if industry != .passengerTransport { c.report(.missingOrErroneousValue, q, "is only sent in passenger transport batches") }
        if d.cardNumber.brand != .visa { c.report(.missingOrErroneousValue, q, "is Visa only (detail group 9)") }
        c.range(trip.passengerCount, q + "/passengerCount", 1...99)
        c.range(trip.passengerNumber, q + "/passengerNumber", 1...max(1, min(99, trip.passengerCount)))
        c.text(trip.ticketNumber, q + "/ticketNumber", length: 13, required: true)
        c.text(trip.passengerName, q + "/passengerName", length: 20, required: true)
        c.shortYearDate(trip.departureDate, q + "/departureDate")
        c.text(trip.origin, q + "/origin", length: 3, required: true, allowed: .uppercase)
        if trip.legs.isEmpty || trip.legs.count > PassengerTransport.maximumLegs {
            c.report(.outOfRange, q + "/legs", "must hold 1 to \(PassengerTransport.maximumLegs) trip legs")
        }
        for (i, leg) in trip.legs.prefix(PassengerTransport.maximumLegs).enumerated() {
            let l = q + "/legs/\(i)"
            c.text(leg.carrier, l + "/carrier", length: 2, required: true, allowed: .alphanumeric)
            c.text(leg.serviceClass, l + "/serviceClass", length: 1, required: true, allowed: .alphanumeric)
            c.code(leg.stopOver, l + "/stopOver", in: Codes.stopOver, required: false)
            c.text(leg.destination, l + "/destination", length: 3, required: true, allowed: .uppercase)
        }
    }
}
