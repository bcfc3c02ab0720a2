import ArgumentParser
import Foundation
import SettleDTO
import SettleModel
import SettleSettings

/// Settings shared by the commands that build batches; names, help and defaults are the
/// catalogue's (``Setting``).
struct EngineOptions: ParsableArguments {
    @Option(name: Setting.developerId.name, help: Setting.developerId.argumentHelp) var developerId: String?
    @Option(name: Setting.applicationId.name, help: Setting.applicationId.argumentHelp) var applicationId: String?
    @Option(name: Setting.gatewayId.name, help: Setting.gatewayId.argumentHelp) var gatewayId: String?
    @Option(name: Setting.deviceCode.name, help: Setting.deviceCode.argumentHelp) var deviceCode: String?
    @Option(name: Setting.combineRecords.name, help: Setting.combineRecords.argumentHelp) var combineRecords: String?
    @Option(name: Setting.locationNumber.name, help: Setting.locationNumber.argumentHelp) var locationNumber: String?
    @Option(name: Setting.amexAggregatorName.name, help: Setting.amexAggregatorName.argumentHelp) var amexAggregatorName: String?
    @Option(name: Setting.genKey.name, help: Setting.genKey.argumentHelp) var genKey: String?
    @Option(name: Setting.mastercardDescriptionLength.name, help: Setting.mastercardDescriptionLength.argumentHelp)
    var mastercardDescriptionLength: String?
    @Option(name: Setting.requireModernGroups.name, help: Setting.requireModernGroups.argumentHelp) var requireModernGroups: String?
    @Option(name: Setting.billPaymentCode.name, help: Setting.billPaymentCode.argumentHelp) var billPaymentCode: String?
    @Option(name: Setting.extensionLengthCountsItself.name, help: Setting.extensionLengthCountsItself.argumentHelp)
    var extensionLengthCountsItself: String?
    @Option(name: Setting.emvDeviceCode.name, help: Setting.emvDeviceCode.argumentHelp) var emvDeviceCode: String?
    @Option(name: Setting.canadianTaxRecordType.name, help: Setting.canadianTaxRecordType.argumentHelp) var canadianTaxRecordType: String?
    @Option(name: Setting.today.name, help: Setting.today.argumentHelp) var today: String?

    var flags: GivenFlags {
        var given = GivenFlags()
        given[.developerId] = developerId
        given[.applicationId] = applicationId
        given[.gatewayId] = gatewayId
        given[.deviceCode] = deviceCode
        given[.combineRecords] = combineRecords
        given[.locationNumber] = locationNumber
        given[.amexAggregatorName] = amexAggregatorName
        given[.genKey] = genKey
        given[.mastercardDescriptionLength] = mastercardDescriptionLength
        given[.requireModernGroups] = requireModernGroups
        given[.billPaymentCode] = billPaymentCode
        given[.extensionLengthCountsItself] = extensionLengthCountsItself
        given[.emvDeviceCode] = emvDeviceCode
        given[.canadianTaxRecordType] = canadianTaxRecordType
        given[.today] = today
        return given
    }

    /// The batch defaults the settings give.
    static func defaults(_ settings: EffectiveSettings) -> SettlementDefaults {
        var profile = WireProfile.standard
        if let length = settings.number(.mastercardDescriptionLength) { profile.masterCardLineItemDescriptionLength = length }
        profile.requireModernGroups = settings.isOn(.requireModernGroups)
        profile.billPaymentTransactionCodes = settings.isOn(.billPaymentCode)
        profile.detailExtensionLengthCountsItself = settings.isOn(.extensionLengthCountsItself)
        profile.emvDeviceCode = settings.isOn(.emvDeviceCode)
        profile.canadianTaxRecordType = settings.text(.canadianTaxRecordType)?.first ?? "X"
        return SettlementDefaults(
            combineRecords: settings.isOn(.combineRecords), deviceCode: settings.text(.deviceCode) ?? "Q",
            locationNumber: settings.text(.locationNumber) ?? "00001", amexAggregatorName: settings.text(.amexAggregatorName),
            genKey: settings.text(.genKey), developerId: settings.text(.developerId), applicationId: settings.text(.applicationId),
            gatewayId: settings.text(.gatewayId),
            profile: profile)
    }

    /// Today's date: `--today`, or the machine's.
    static func clock(_ settings: EffectiveSettings) -> SettlementClock {
        settings.text(.today).flatMap(LocalDate.init(iso:)).map(SettlementClock.fixed) ?? .system
    }
}
