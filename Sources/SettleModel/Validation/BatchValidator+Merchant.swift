extension BatchValidator {
    func checkMerchant(_ m: Merchant, industry: IndustryType, _ c: inout IssueCollector) {
        c.digits(m.bankId, "/merchant/bankId", length: 6, exact: true, nonZero: true)
        c.digits(m.agentBankNumber, "/merchant/agentBankNumber", length: 6, exact: true)
        c.digits(m.agentChainNumber, "/merchant/agentChainNumber", length: 6, exact: true)
        c.digits(m.number, "/merchant/number", length: 12, nonZero: true)
        c.digits(m.storeNumber, "/merchant/storeNumber", length: 4, nonZero: true)
        c.digits(m.terminalNumber, "/merchant/terminalNumber", length: 4, nonZero: true)
        c.digits(m.categoryCode, "/merchant/categoryCode", length: 4, exact: true)
        c.digits(m.countryCode, "/merchant/countryCode", length: 3, exact: true, nonZero: true)
        c.digits(m.currencyCode, "/merchant/currencyCode", length: 3, exact: true, nonZero: true)
        c.code(m.language, "/merchant/language", in: Codes.languages)
        checkTimeZone(m.timeZone, &c)
        c.text(m.cityCode, "/merchant/zip", length: 9, required: true, allowed: .alphanumeric)
        c.digits(m.wireTerminalId, "/merchant/terminalId", length: 8, exact: true, nonZero: true)
        c.text(m.locationNumber, "/merchant/locationNumber", length: 5, required: true, allowed: .alphanumeric)
        if m.locationNumber.utf8.allSatisfy({ $0 == 48 }) && !m.locationNumber.isEmpty {
            c.report(.outOfRange, "/merchant/locationNumber", "must not be all zeros (use 00001)")
        }
        c.phone(m.localPhone, "/merchant/localPhone")
        c.phone(m.servicePhone, "/merchant/servicePhone")
        checkNameCityState(m, industry: industry, &c)
    }

    /// Name, state and city (or, card-not-present, service phone) go together: the class
    /// reference requires the others as soon as one is given.
    private func checkNameCityState(_ m: Merchant, industry: IndustryType, _ c: inout IssueCollector) {
        c.text(m.name, "/merchant/name", length: 25)
        c.text(m.state, "/merchant/state", length: 2, allowed: .alphanumeric)
        c.text(m.city, "/merchant/city", length: 13, allowed: .alphanumericSpace)
        // Card-not-present batches send the service phone in the city slot; without one, the city (spec §2.11).
        let usesPhone = industry.isCardNotPresent && !m.servicePhone.isEmpty
        let localityPath: JSONPath = usesPhone || (industry.isCardNotPresent && m.city.isEmpty) ? "/merchant/servicePhone" : "/merchant/city"
        let locality = usesPhone ? m.servicePhone : m.city
        let given = [m.name, m.state, locality].filter { !$0.isEmpty }.count
        guard given > 0 && given < 3 else { return }
        for (value, path) in [(m.name, "/merchant/name" as JSONPath), (m.state, "/merchant/state"), (locality, localityPath)] where value.isEmpty {
            c.report(
                .missingOrErroneousValue, path,
                "is required when any of merchant name, state and \(industry.isCardNotPresent ? "service phone" : "city") is given")
        }
    }

    private func checkTimeZone(_ zone: String, _ c: inout IssueCollector) {
        let path: JSONPath = "/merchant/timeZone"
        c.digits(zone, path, length: 3, exact: true)
        guard zone.utf8.count == 3, let direction = zone.first?.wholeNumberValue, let magnitude = Int(zone.dropFirst()) else { return }
        guard direction <= 7 else { return c.report(.outOfRange, path, "first digit must be 0-7") }
        // 0, 1, 6, 7 count hours; 2-5 count quarter hours.
        let limit = [0, 1, 6, 7].contains(direction) ? 12 : 48
        if magnitude > limit { c.report(.outOfRange, path, "offset must be 00-\(limit) when the first digit is \(direction)") }
    }
}
