import SettleModel

/// Random batches that satisfy every validation rule, for round-trip properties.
///
/// Values avoid what the wire cannot carry back exactly (trailing spaces, short numeric
/// strings), so that encode → decode must reproduce the batch field for field.
public struct RandomBatches {
    public var rng: SeededGenerator
    public var maximumDetails: Int

    public init(seed: UInt64, maximumDetails: Int = 8) {
        rng = SeededGenerator(seed: seed)
        self.maximumDetails = maximumDetails
    }

    public mutating func batch() -> Batch {
        let industry = rng.pick(IndustryType.allCases)
        let transmission = LocalDate(year: rng.int(2001...2098), month: rng.int(1...12), day: rng.int(1...28))
        let cnp = industry == .directMarketing
        let servicePhone = rng.chance(60) ? phone() : ""
        var merchant = Merchant(
            bankId: rng.digits(6, nonZero: true), agentBankNumber: rng.digits(6), agentChainNumber: rng.digits(6),
            number: rng.digits(12, nonZero: true), storeNumber: rng.digits(4, nonZero: true), terminalNumber: rng.digits(4, nonZero: true),
            categoryCode: rng.digits(4), name: rng.text(1...25), city: "", state: rng.text(2...2, RandomAlphabet.upper),
            zip: rng.text(5...9, RandomAlphabet.alphanumeric), countryCode: "840", currencyCode: "840", language: rng.pick(["00", "01", "02"]),
            timeZone: rng.pick(["705", "708", "107", "600", "312"]), localPhone: rng.chance(50) ? phone() : "", servicePhone: servicePhone,
            terminalId: rng.digits(8, nonZero: true), locationNumber: rng.digits(5, nonZero: true))
        // Card-not-present batches send the service phone in the city slot, so a city would not come back.
        if !cnp || servicePhone.isEmpty { merchant.city = rng.text(1...13, RandomAlphabet.alphanumeric + " ") }
        var settings = BatchSettings(
            combineRecords: rng.chance(50), deviceCode: rng.pick(["Q", "C", "W", "0", "X"]),
            amexAggregatorName: rng.chance(20) ? rng.text(1...12, RandomAlphabet.alphanumeric) : nil,
            genKey: rng.chance(20) ? rng.text(24...24, RandomAlphabet.hexadecimal) : nil,
            developerId: rng.text(6...6, RandomAlphabet.alphanumeric), applicationId: rng.text(4...4, RandomAlphabet.alphanumeric),
            gatewayId: rng.chance(20) ? rng.text(1...10, RandomAlphabet.alphanumeric) : nil)
        let count = rng.int(1...maximumDetails)
        var details = (0..<count).map { _ in detail(industry, transmission) }
        // A Canadian merchant now and then, for the Canada intracountry tax records.
        let canadian = rng.chance(15)
        if canadian { (merchant.countryCode, merchant.currencyCode) = ("124", "124") }
        for index in details.indices { extendedGroups(&details[index], industry, gen2: settings.genKey != nil, canadian: canadian) }
        // Device code X goes with chip data (the class reference; WireProfile.emvDeviceCode).
        if details.contains(where: { $0.chip != nil }) { settings.deviceCode = "X" }
        return Batch(
            merchant: merchant, industryType: industry, batchNumber: rng.int(1...999), transmissionDate: transmission, settings: settings,
            travelAgency: industry == .passengerTransport && rng.chance(50) ? TravelAgency(code: rng.text(1...8), name: rng.text(0...25)) : nil,
            detailRecords: details)
    }

    mutating func phone() -> String { rng.digits(3) + "-" + rng.digits(7) }

    mutating func date(before reference: LocalDate, within days: ClosedRange<Int>) -> LocalDate {
        reference.adding(days: -rng.int(days))
    }

    /// A card number of the brand with a correct check digit.
    public mutating func card(_ brand: CardBrand) -> String {
        let prefix: String, length: Int
        switch brand {
        case .visa: (prefix, length) = ("4", 16)
        case .masterCard: (prefix, length) = (rng.pick(["51", "55", "2221", "2720"]), 16)
        case .americanExpress: (prefix, length) = (rng.pick(["34", "37"]), 15)
        case .discover: (prefix, length) = ("6011", 16)
        case .other: (prefix, length) = ("9", 16)
        }
        var body = prefix + rng.digits(length - prefix.count - 1)
        for check in 0...9 where CardNumber(body + String(check)).passesLuhn {
            body += String(check)
            break
        }
        return body
    }
}
