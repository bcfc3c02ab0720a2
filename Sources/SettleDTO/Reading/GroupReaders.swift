import SettleJSON
import SettleModel

/// Readers for the industry groups of a detail record.
struct GroupReaders {
    // Each group's field names (openapi.yaml's schemas are checked against them).
    static let cardNotPresentKeys: KeySet = ["motoIndicator", "installmentNumber", "installmentCount"]
    static let lodgingKeys: KeySet = ["checkInDate", "noShow", "extraCharges", "marketSpecificDataIdentifier", "amex"]
    static let lodgingAmexKeys: KeySet = ["chargeType", "stayDuration", "roomRate"]
    static let autoRentalKeys: KeySet = ["rentalDate", "noShow", "extraCharges", "marketSpecificDataIdentifier", "returnDetails", "amex"]
    static let amexAutoRentalKeys: KeySet = [
        "agreementNumber", "pickupLocation", "pickupCity", "pickupRegion", "pickupCountry", "pickupDate", "pickupTime", "returnCity",
        "returnRegion", "returnCountry", "returnDate", "returnTime", "renterName", "vehicleClassId", "distance", "distanceUnit",
        "auditAdjustmentIndicator", "auditAdjustmentAmount",
    ]
    static let autoRentalReturnKeys: KeySet = ["renterName", "returnCity", "returnStateOrCountry", "returnLocationId"]
    static let passengerTransportKeys: KeySet = [
        "restrictedTicket", "passengerNumber", "passengerCount", "ticketNumber", "passengerName", "departureDate", "origin", "legs",
    ]
    static let tripLegKeys: KeySet = ["carrier", "serviceClass", "stopOver", "destination"]
    static let debitKeys: KeySet = ["retrievalReferenceNumber", "systemTraceAuditNumber", "networkId", "settlementDate"]

    func cardNotPresent(_ o: DocumentObject, _ issues: inout IssueList) -> CardNotPresentData {
        let o = o.reading(Self.cardNotPresentKeys, &issues)
        return CardNotPresentData(
            motoIndicator: o.string("motoIndicator", default: "7", &issues),
            installmentNumber: o.int("installmentNumber", default: 0, &issues),
            installmentCount: o.int("installmentCount", default: 0, &issues))
    }

    func lodging(_ o: DocumentObject, _ issues: inout IssueList) -> Lodging {
        let o = o.reading(Self.lodgingKeys, &issues)
        var lodging = Lodging(
            checkInDate: o.date("checkInDate", &issues), noShow: o.string("noShow", default: "0", &issues),
            extraCharges: o.string("extraCharges", default: "", &issues),
            marketSpecificDataIdentifier: o.string("marketSpecificDataIdentifier", default: "H", &issues))
        if let amex = o.object("amex", &issues)?.reading(Self.lodgingAmexKeys, &issues) {
            lodging.amex = LodgingAmex(
                chargeType: amex.choice("chargeType", default: .hotel, &issues) ?? .hotel,
                stayDuration: amex.int("stayDuration", &issues), roomRate: amex.amount("roomRate", &issues))
        }
        return lodging
    }

    func autoRental(_ o: DocumentObject, _ issues: inout IssueList) -> AutoRental {
        let o = o.reading(Self.autoRentalKeys, &issues)
        var rental = AutoRental(
            rentalDate: o.date("rentalDate", &issues), noShow: o.bool("noShow", default: false, &issues),
            extraCharges: o.string("extraCharges", default: "", &issues),
            marketSpecificDataIdentifier: o.string("marketSpecificDataIdentifier", default: "A", &issues))
        if let back = o.object("returnDetails", &issues)?.reading(Self.autoRentalReturnKeys, &issues) {
            rental.returnDetails = AutoRentalReturn(
                renterName: back.string("renterName", default: "", &issues), returnCity: back.string("returnCity", default: "", &issues),
                returnStateOrCountry: back.string("returnStateOrCountry", default: "", &issues),
                returnLocationId: back.string("returnLocationId", default: "", &issues))
        }
        if let amex = o.object("amex", &issues)?.reading(Self.amexAutoRentalKeys, &issues) {
            let midnight = TimeOfDay(hour: 0, minute: 0, second: 0)
            rental.amex = AmexAutoRental(
                agreementNumber: amex.string("agreementNumber", &issues), pickupLocation: amex.string("pickupLocation", default: "", &issues),
                pickupCity: amex.string("pickupCity", &issues), pickupRegion: amex.string("pickupRegion", default: "", &issues),
                pickupCountry: amex.string("pickupCountry", default: "840", &issues), pickupDate: amex.date("pickupDate", &issues),
                pickupTime: amex.has("pickupTime") ? amex.time("pickupTime", &issues) : midnight,
                returnCity: amex.string("returnCity", &issues), returnRegion: amex.string("returnRegion", default: "", &issues),
                returnCountry: amex.string("returnCountry", default: "840", &issues), returnDate: amex.date("returnDate", &issues),
                returnTime: amex.has("returnTime") ? amex.time("returnTime", &issues) : midnight,
                renterName: amex.string("renterName", &issues), vehicleClassId: amex.string("vehicleClassId", default: "", &issues),
                distance: amex.int("distance", default: 0, &issues), distanceUnit: amex.string("distanceUnit", default: "", &issues),
                auditAdjustmentIndicator: amex.string("auditAdjustmentIndicator", default: "", &issues),
                auditAdjustmentAmount: amex.amount("auditAdjustmentAmount", default: .zero, &issues))
        }
        return rental
    }

    func passengerTransport(_ o: DocumentObject, _ issues: inout IssueList) -> PassengerTransport {
        let o = o.reading(Self.passengerTransportKeys, &issues)
        var legs: [TripLeg] = []
        let legsPointer = o.path("legs")
        for (index, element) in (o.array("legs", required: true, &issues) ?? []).enumerated() {
            guard let leg = DocumentObject(element, at: legsPointer, element: index, &issues)?.reading(Self.tripLegKeys, &issues) else { continue }
            legs.append(
                TripLeg(
                    carrier: leg.string("carrier", &issues), serviceClass: leg.string("serviceClass", &issues),
                    stopOver: leg.string("stopOver", default: "", &issues), destination: leg.string("destination", &issues)))
        }
        return PassengerTransport(
            restrictedTicket: o.bool("restrictedTicket", default: false, &issues),
            passengerNumber: o.int("passengerNumber", default: 1, &issues), passengerCount: o.int("passengerCount", default: 1, &issues),
            ticketNumber: o.string("ticketNumber", &issues), passengerName: o.string("passengerName", &issues),
            departureDate: o.date("departureDate", &issues), origin: o.string("origin", &issues), legs: legs)
    }

    func debit(_ o: DocumentObject, _ issues: inout IssueList) -> DirectDebit {
        let o = o.reading(Self.debitKeys, &issues)
        return DirectDebit(
            retrievalReferenceNumber: o.string("retrievalReferenceNumber", &issues),
            systemTraceAuditNumber: o.int("systemTraceAuditNumber", &issues), networkId: o.string("networkId", &issues),
            settlementDate: o.date("settlementDate", &issues))
    }
}
