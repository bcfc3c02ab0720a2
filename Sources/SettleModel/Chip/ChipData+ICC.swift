extension ChipData {
    /// What reading ICC data gave: the values, the tags the addendum has no field for (ignored,
    /// and listed so a caller sees them), and the objects that could not be used.
    public struct ICCReading: Sendable, Hashable {
        public var chip: ChipData
        /// Tags the record does not carry, in the order they came (`9F1A`, `4F`, …).
        public var ignoredTags: [String]
        /// Objects of a known tag whose value cannot be what the tag means.
        public var problems: [Problem]
    }

    /// A known tag whose value is the wrong length or not BCD digits.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var tag: String
        public var reason: String

        public var description: String { "tag \(tag): \(reason)" }
    }

    /// Tags that carry card data this service never accepts (the card number, track data, PIN
    /// data), with what each holds; their values are never read or echoed.
    static let refusedTags: [UInt32: String] = [
        0x5A: "the card number", 0x56: "track 1 data", 0x57: "track 2 data", 0x9F1F: "track 1 discretionary data",
        0x9F20: "track 2 discretionary data", 0x9F6B: "track 2 data", 0x99: "PIN data",
    ]

    /// Reads the objects a terminal or an authorization returned. Required values that are
    /// missing stay empty for the validator to name; a tag given twice keeps its last value.
    /// The amount authorized (9F02) is kept as the cryptogram amount only beside an ARQC: with a
    /// TC the record leaves group 1 out (Table 3.8), so there it is listed as ignored.
    public static func read(_ elements: [BERTLV.Element]) -> ICCReading {
        var chip = ChipData(transactionType: "", terminalTransactionDate: .placeholder, currencyCode: "")
        var ignored: [String] = []
        var problems: [Problem] = []
        for element in elements {
            let bytes = element.value
            func hex(_ lengths: ClosedRange<Int>) -> String? {
                guard lengths.contains(bytes.count) else {
                    problems.append(Problem(tag: element.tagHex, reason: "is \(bytes.count) bytes; EMV gives it \(lengths.describedAsBytes)"))
                    return nil
                }
                return BERTLV.hex(bytes: bytes)
            }
            func digits(_ count: Int) -> String? {
                guard let text = hex(count...count) else { return nil }
                guard text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                    problems.append(Problem(tag: element.tagHex, reason: "is not BCD digits"))
                    return nil
                }
                return text
            }
            if let what = refusedTags[element.tag] {
                problems.append(Problem(tag: element.tagHex, reason: "carries \(what), which is never accepted: remove it"))
                continue
            }
            switch element.tag {
            case 0x9C: digits(1).map { chip.transactionType = $0 }
            case 0x9A:
                guard let text = digits(3) else { break }
                let value = Int(text) ?? 0
                let date = LocalDate(year: 2000 + value / 10000, month: value / 100 % 100, day: value % 100)
                if date.isValid {
                    chip.terminalTransactionDate = date
                } else {
                    problems.append(Problem(tag: element.tagHex, reason: "is not a date (YYMMDD)"))
                }
            case 0x95: hex(5...5).map { chip.terminalVerificationResults = $0 }
            case 0x5F2A:
                guard let text = digits(2) else { break }
                if text.hasPrefix("0") {
                    chip.currencyCode = String(text.dropFirst())
                } else {
                    problems.append(Problem(tag: element.tagHex, reason: "is not a three-digit currency code (n3 starts with 0)"))
                }
            case 0x9F36: hex(2...2).map { chip.applicationTransactionCounter = $0 }
            case 0x82: hex(2...2).map { chip.applicationInterchangeProfile = $0 }
            case 0x9F26: hex(8...8).map { chip.applicationCryptogram = $0 }
            case 0x9F37: hex(4...4).map { chip.unpredictableNumber = $0 }
            case 0x9F10: hex(1...32).map { chip.issuerApplicationData = $0 }
            case 0x9F27: hex(1...1).map { chip.cryptogramInformationData = $0 }
            case 0x9F33: hex(3...3).map { chip.terminalCapabilities = $0 }
            case 0x5F34: digits(1).map { chip.cardSequenceNumber = Int($0) ?? 0 }
            case 0x91: hex(8...16).map { chip.issuerAuthenticationData = $0 }
            case 0x9F34: hex(3...3).map { chip.cvmResults = $0 }
            case 0x9F5B: hex(5...25).map { chip.issuerScriptResults = $0 }
            case 0x9F6E: hex(4...4).map { chip.formFactorIndicator = $0 }
            case 0x9F02: digits(6).map { chip.cryptogramAmount = Amount(minorUnits: Int64($0) ?? 0) }
            default: ignored.append(element.tagHex)
            }
        }
        if chip.cryptogramAmount != nil && !chip.isARQC {
            chip.cryptogramAmount = nil
            ignored.append("9F02")
        }
        return ICCReading(chip: chip, ignoredTags: ignored, problems: problems)
    }
}

extension ClosedRange<Int> {
    fileprivate var describedAsBytes: String { lowerBound == upperBound ? "\(lowerBound)" : "\(lowerBound) to \(upperBound)" }
}
