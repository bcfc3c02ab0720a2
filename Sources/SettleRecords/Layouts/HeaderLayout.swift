import SettleModel

/// The header record (EIS 1081 Table 3.1 and 3.2): 65 bytes plus optional groups 1–6.
enum HeaderLayout {
    /// The header groups a batch carries.
    static func groups(of batch: Batch) -> GroupSet {
        var set = GroupSet()
        if batch.travelAgency != nil { set.insert(group: 1) }
        if !batch.merchant.localPhone.isEmpty || !batch.merchant.servicePhone.isEmpty { set.insert(group: 2) }
        if batch.settings.amexAggregatorName != nil { set.insert(group: 3) }
        if batch.settings.genKey != nil { set.insert(group: 4) }
        if batch.settings.developerId != nil || batch.settings.applicationId != nil { set.insert(group: 5) }
        if batch.settings.gatewayId != nil { set.insert(group: 6) }
        return set
    }

    /// Header group data lengths, for splitting blocked records.
    static let groupLengths = GroupLengths([1: 33, 2: 22, 3: 12, 4: 24, 5: 10, 6: 10])
    static let baseLength = 65

    static func code<C: FieldCoder>(_ b: inout Batch, applicationType: inout Character, _ c: inout C) throws(RecordCodingError) {
        try RecordPrefix.code(applicationType: &applicationType, &c)
        var set = c.isDecoding ? GroupSet() : groups(of: b)
        try GroupMapCoding.code(.header, groups: &set, &c)
        try c.numericText(&b.merchant.bankId, 6)
        try c.numericText(&b.merchant.agentBankNumber, 6)
        try c.numericText(&b.merchant.agentChainNumber, 6)
        try c.numericText(&b.merchant.number, 12)
        try c.numericText(&b.merchant.storeNumber, 4)
        try c.numericText(&b.merchant.terminalNumber, 4)
        try c.text(&b.settings.deviceCode, 1)
        try codeIndustry(&b.industryType, &c)
        try c.numericText(&b.merchant.currencyCode, 3)
        try c.numericText(&b.merchant.language, 2)
        try c.numericText(&b.merchant.timeZone, 3)
        try c.date(&b.transmissionDate, .monthDay)
        try c.number(&b.batchNumber, 3)
        var blocking = b.settings.combineRecords
        try c.flag(&blocking, on: "2", off: "0")
        if c.isDecoding { b.settings.combineRecords = blocking }
        try codeGroups(set, &b, &c)
    }

    private static func codeIndustry<C: FieldCoder>(_ industry: inout IndustryType, _ c: inout C) throws(RecordCodingError) {
        let number = c.fieldNumber
        var code = String(industry.industryCode)
        try c.text(&code, 1)
        guard c.isDecoding else { return }
        guard let first = code.first, let decoded = IndustryType(industryCode: first) else {
            throw RecordCodingError(fieldNumber: number, data: code, reason: "unknown industry code")
        }
        industry = decoded
    }

    private static func codeGroups<C: FieldCoder>(_ set: GroupSet, _ b: inout Batch, _ c: inout C) throws(RecordCodingError) {
        if set.contains(group: 1) {
            var agency = b.travelAgency ?? TravelAgency()
            try c.text(&agency.code, 8)
            try c.text(&agency.name, 25)
            if c.isDecoding { b.travelAgency = agency }
        }
        if set.contains(group: 2) {
            try c.text(&b.merchant.localPhone, 11)
            try c.text(&b.merchant.servicePhone, 11)
        }
        if set.contains(group: 3) {
            var name = b.settings.amexAggregatorName ?? ""
            try c.text(&name, 12)
            if c.isDecoding { b.settings.amexAggregatorName = name }
        }
        if set.contains(group: 4) {
            var key = b.settings.genKey ?? ""
            try c.text(&key, 24)
            if c.isDecoding { b.settings.genKey = key }
        }
        if set.contains(group: 5) {
            var developer = b.settings.developerId ?? "", application = b.settings.applicationId ?? ""
            try c.text(&developer, 6)
            try c.text(&application, 4)
            if c.isDecoding { b.settings.developerId = developer }
            if c.isDecoding { b.settings.applicationId = application }
        }
        if set.contains(group: 6) {
            var gateway = b.settings.gatewayId ?? ""
            try c.text(&gateway, 10)
            if c.isDecoding { b.settings.gatewayId = gateway }
        }
    }
}
