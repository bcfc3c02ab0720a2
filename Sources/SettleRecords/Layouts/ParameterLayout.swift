import SettleModel

/// The parameter record (EIS 1081 Table 3.3): 78 bytes, no optional groups.
enum ParameterLayout {
    static let length = 78

    static func code<C: FieldCoder>(_ b: inout Batch, applicationType: inout Character, _ c: inout C) throws(RecordCodingError) {
        try RecordPrefix.code(applicationType: &applicationType, &c)
        var none = GroupSet()
        try GroupMapCoding.code(.parameter, groups: &none, &c)
        try c.numericText(&b.merchant.countryCode, 3)
        var cityCode = b.merchant.cityCode
        try c.text(&cityCode, 9)
        if c.isDecoding { b.merchant.zip = cityCode }
        try c.numericText(&b.merchant.categoryCode, 4)
        try c.text(&b.merchant.name, 25)
        try codeLocality(&b, &c)
        try c.text(&b.merchant.state, 2)
        try c.text(&b.merchant.locationNumber, 5)
        var terminalId = b.merchant.wireTerminalId
        try c.numericText(&terminalId, 8)
        if c.isDecoding { b.merchant.terminalId = terminalId }
    }

    /// Card-not-present batches send the customer-service phone where the city goes (class
    /// reference); when no service phone is given the city is sent, as in spec §2.11.
    private static func codeLocality<C: FieldCoder>(_ b: inout Batch, _ c: inout C) throws(RecordCodingError) {
        let usesPhone = b.industryType.isCardNotPresent && !b.merchant.servicePhone.isEmpty
        var locality = usesPhone ? b.merchant.servicePhone : b.merchant.city
        try c.text(&locality, 13)
        guard c.isDecoding else { return }
        if b.industryType.isCardNotPresent && isPhone(locality) {
            if b.merchant.servicePhone.isEmpty { b.merchant.servicePhone = locality }
        } else {
            b.merchant.city = locality
        }
    }

    static func isPhone(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 11 && bytes[3] == 45
            && bytes.enumerated().allSatisfy { $0.offset == 3 || ($0.element >= 48 && $0.element <= 57) }
    }
}
