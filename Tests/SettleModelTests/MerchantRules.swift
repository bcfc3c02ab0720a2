import SettleModel

/// Header and parameter merchant data.
enum MerchantRules {
    static let cases: [RuleCase] = [
        RuleCase("bank id all zeros", code: .outOfRange, path: "/merchant/bankId") { $0.merchant.bankId = "000000" },
        RuleCase("bank id too short", code: .invalidLength, path: "/merchant/bankId") { $0.merchant.bankId = "99999" },
        RuleCase("bank id with a letter", code: .invalidFormat, path: "/merchant/bankId") { $0.merchant.bankId = "99999A" },
        RuleCase("bank id missing", code: .missingOrErroneousValue, path: "/merchant/bankId") { $0.merchant.bankId = "" },
        RuleCase("agent bank number short", code: .invalidLength, path: "/merchant/agentBankNumber") { $0.merchant.agentBankNumber = "0" },
        RuleCase("agent chain number letters", code: .invalidFormat, path: "/merchant/agentChainNumber") {
            $0.merchant.agentChainNumber = "ABCDEF"
        },
        RuleCase("merchant number all zeros", code: .outOfRange, path: "/merchant/number") { $0.merchant.number = "000000000000" },
        RuleCase("merchant number 13 digits", code: .invalidLength, path: "/merchant/number") { $0.merchant.number = "1234567890123" },
        RuleCase("store number all zeros", code: .outOfRange, path: "/merchant/storeNumber") { $0.merchant.storeNumber = "0000" },
        RuleCase("terminal number 5 digits", code: .invalidLength, path: "/merchant/terminalNumber") { $0.merchant.terminalNumber = "15151" },
        RuleCase("category code 3 digits", code: .invalidLength, path: "/merchant/categoryCode") { $0.merchant.categoryCode = "599" },
        RuleCase("country code 2 digits", code: .invalidLength, path: "/merchant/countryCode") { $0.merchant.countryCode = "84" },
        RuleCase("currency code letters", code: .invalidFormat, path: "/merchant/currencyCode") { $0.merchant.currencyCode = "USD" },
        RuleCase("unknown language", code: .outOfRange, path: "/merchant/language") { $0.merchant.language = "09" },
        RuleCase("time zone direction 9", code: .outOfRange, path: "/merchant/timeZone") { $0.merchant.timeZone = "905" },
        RuleCase("time zone of 15 hours", code: .outOfRange, path: "/merchant/timeZone") { $0.merchant.timeZone = "115" },
        RuleCase("time zone letters", code: .invalidFormat, path: "/merchant/timeZone") { $0.merchant.timeZone = "7AB" },
        RuleCase("zip missing", code: .missingOrErroneousValue, path: "/merchant/zip") { $0.merchant.zip = "" },
        RuleCase("zip too long once stripped", code: .invalidLength, path: "/merchant/zip") { $0.merchant.zip = "90210-12345" },
        RuleCase("zip with punctuation", code: .invalidFormat, path: "/merchant/zip") { $0.merchant.zip = "9021#" },
        RuleCase("terminal id 7 digits", code: .invalidLength, path: "/merchant/terminalId") { $0.merchant.terminalId = "0000001" },
        RuleCase("terminal id all zeros", code: .outOfRange, path: "/merchant/terminalId") { $0.merchant.terminalId = "00000000" },
        RuleCase("location number all zeros", code: .outOfRange, path: "/merchant/locationNumber") { $0.merchant.locationNumber = "00000" },
        RuleCase("local phone with leading 1", code: .invalidFormat, path: "/merchant/localPhone") {
            $0.merchant.localPhone = "1-800-5551234"
        },
        RuleCase("service phone without hyphen", code: .invalidFormat, path: "/merchant/servicePhone") {
            $0.merchant.servicePhone = "8005551234X"
        },
        RuleCase("name without state", code: .missingOrErroneousValue, path: "/merchant/state") { $0.merchant.state = "" },
        RuleCase("name without city", code: .missingOrErroneousValue, path: "/merchant/city") { $0.merchant.city = "" },
        RuleCase("city with punctuation", code: .invalidFormat, path: "/merchant/city") { $0.merchant.city = "ST. LOUIS" },
        RuleCase("city too long", code: .invalidLength, path: "/merchant/city") { $0.merchant.city = "RANCHO CUCAMONGA" },
        RuleCase("name with a leading space", code: .invalidFormat, path: "/merchant/name") { $0.merchant.name = " SHOP" },
        RuleCase("name too long", code: .invalidLength, path: "/merchant/name") { $0.merchant.name = String(repeating: "N", count: 26) },
        RuleCase(
            "card-not-present name without service phone or city", .directMarketing, code: .missingOrErroneousValue,
            path: "/merchant/servicePhone"
        ) { $0.merchant.servicePhone = "" },
    ]
}
