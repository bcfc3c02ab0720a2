import ArgumentParser
import Foundation
import SettleDTO
import SettleModel

/// Settings shared by the commands that build batches. Each flag falls back to an
/// environment variable, then to the class reference's default.
struct EngineOptions: ParsableArguments {
    @Option(help: "A file of TSYS_SETTLE_NAME=value lines; the environment and flags take precedence over it. [env: TSYS_SETTLE_CONFIG]")
    var config: String?

    @Option(help: "Developer ID for header group 5, assigned at TSYS certification. [env: TSYS_SETTLE_DEVELOPER_ID]")
    var developerId: String?

    @Option(help: "Application ID for header group 5, assigned at TSYS certification. [env: TSYS_SETTLE_APPLICATION_ID]")
    var applicationId: String?

    @Option(help: "DeviceCode when the document sets none (default Q). [env: TSYS_SETTLE_DEVICE_CODE]")
    var deviceCode: String?

    @Option(help: "CombineRecords when the document sets none: true or false (default true). [env: TSYS_SETTLE_COMBINE_RECORDS]")
    var combineRecords: Bool?

    @Option(help: "LocationNumber when the merchant sets none (default 00001). [env: TSYS_SETTLE_LOCATION_NUMBER]")
    var locationNumber: String?

    @Option(help: "AmexAggregatorName (header group 3). [env: TSYS_SETTLE_AMEX_AGGREGATOR_NAME]")
    var amexAggregatorName: String?

    @Option(help: "GenKey (header group 4). [env: TSYS_SETTLE_GENKEY]")
    var genKey: String?

    @Option(help: "MasterCard line-item description length, 35 or 36 (default 35). [env: TSYS_SETTLE_MC_DESCRIPTION_LENGTH]")
    var mastercardDescriptionLength: Int?

    @Option(help: "Require header group 5 and detail group 32 (default true). [env: TSYS_SETTLE_REQUIRE_MODERN_GROUPS]")
    var requireModernGroups: Bool?

    @Option(help: "Batch transmission date when the document sets none, YYYY-MM-DD (default: today).")
    var today: String?

    /// The effective settings: flags, then environment, then defaults.
    func defaults(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SettlementDefaults {
        func pick(_ flag: String?, _ name: String) -> String? { flag ?? environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        func boolean(_ flag: Bool?, _ name: String, _ fallback: Bool) throws -> Bool {
            if let flag { return flag }
            guard let text = environment[name], !text.isEmpty else { return fallback }
            switch text.lowercased() {
            case "true", "1", "yes": return true
            case "false", "0", "no": return false
            default: throw ValidationError("\(name) must be true or false, got '\(text)'")
            }
        }
        var profile = WireProfile.standard
        if let length = try FlagOrEnvironment(environment: environment).number(mastercardDescriptionLength, .mastercardDescriptionLength) {
            profile.masterCardLineItemDescriptionLength = length
        }
        profile.requireModernGroups = try boolean(requireModernGroups, "TSYS_SETTLE_REQUIRE_MODERN_GROUPS", true)
        return SettlementDefaults(
            combineRecords: try boolean(combineRecords, "TSYS_SETTLE_COMBINE_RECORDS", true),
            deviceCode: pick(deviceCode, "TSYS_SETTLE_DEVICE_CODE") ?? "Q",
            locationNumber: pick(locationNumber, "TSYS_SETTLE_LOCATION_NUMBER") ?? "00001",
            amexAggregatorName: pick(amexAggregatorName, "TSYS_SETTLE_AMEX_AGGREGATOR_NAME"),
            genKey: pick(genKey, "TSYS_SETTLE_GENKEY"),
            developerId: pick(developerId, "TSYS_SETTLE_DEVELOPER_ID"),
            applicationId: pick(applicationId, "TSYS_SETTLE_APPLICATION_ID"),
            profile: profile)
    }

    func clock() throws -> SettlementClock {
        guard let today else { return .system }
        guard let date = LocalDate(iso: today) else { throw ValidationError("--today must be a date as YYYY-MM-DD") }
        return .fixed(date)
    }
}
