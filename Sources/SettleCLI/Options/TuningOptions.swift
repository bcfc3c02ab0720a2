import ArgumentParser
import Foundation
import SettleLink
import SettleService
import SettleSettings
import SettleTransport

/// The rest of the class reference's link settings: TLS details, TCP details and link timers;
/// names, help and defaults are the catalogue's (``Setting``).
struct TuningOptions: ParsableArguments {
    @Option(name: Setting.caDirectory.name, help: Setting.caDirectory.argumentHelp) var caDirectory: String?
    @Option(name: Setting.acceptServerCertificate.name, help: Setting.acceptServerCertificate.argumentHelp) var acceptServerCertificate: String?
    @Flag(name: Setting.insecureSkipVerify.name, inversion: .prefixedNo, help: Setting.insecureSkipVerify.argumentHelp) var insecureSkipVerify: Bool?
    @Option(name: Setting.tlsMinimumVersion.name, help: Setting.tlsMinimumVersion.argumentHelp) var tlsMinimumVersion: String?
    @Option(name: Setting.cipherList.name, help: Setting.cipherList.argumentHelp) var cipherList: String?
    @Option(name: Setting.serverName.name, help: Setting.serverName.argumentHelp) var serverName: String?
    @Option(name: Setting.clientKey.name, help: Setting.clientKey.argumentHelp) var clientKey: String?
    @Option(name: Setting.keepAliveTime.name, help: Setting.keepAliveTime.argumentHelp) var keepAliveTime: String?
    @Option(name: Setting.keepAliveInterval.name, help: Setting.keepAliveInterval.argumentHelp) var keepAliveInterval: String?
    @Option(name: Setting.lingerTime.name, help: Setting.lingerTime.argumentHelp) var lingerTime: String?
    @Option(name: Setting.localHost.name, help: Setting.localHost.argumentHelp) var localHost: String?
    @Flag(name: Setting.tcpDelay.name, inversion: .prefixedNo, help: Setting.tcpDelay.argumentHelp) var tcpDelay: Bool?
    @Option(name: Setting.enquiryTimeout.name, help: Setting.enquiryTimeout.argumentHelp) var enquiryTimeout: String?
    @Option(name: Setting.acknowledgementTimeout.name, help: Setting.acknowledgementTimeout.argumentHelp) var acknowledgementTimeout: String?
    @Option(name: Setting.responseTimeout.name, help: Setting.responseTimeout.argumentHelp) var responseTimeout: String?
    @Option(name: Setting.processingLimit.name, help: Setting.processingLimit.argumentHelp) var processingLimit: String?
    @Option(name: Setting.maximumRetransmissions.name, help: Setting.maximumRetransmissions.argumentHelp) var maximumRetransmissions: String?

    var flags: GivenFlags {
        var given = GivenFlags()
        given[.caDirectory] = caDirectory
        given[.acceptServerCertificate] = acceptServerCertificate
        given.switched(.insecureSkipVerify, insecureSkipVerify)
        given[.tlsMinimumVersion] = tlsMinimumVersion
        given[.cipherList] = cipherList
        given[.serverName] = serverName
        given[.clientKey] = clientKey
        given[.keepAliveTime] = keepAliveTime
        given[.keepAliveInterval] = keepAliveInterval
        given[.lingerTime] = lingerTime
        given[.localHost] = localHost
        given.switched(.tcpDelay, tcpDelay)
        given[.enquiryTimeout] = enquiryTimeout
        given[.acknowledgementTimeout] = acknowledgementTimeout
        given[.responseTimeout] = responseTimeout
        given[.processingLimit] = processingLimit
        given[.maximumRetransmissions] = maximumRetransmissions
        return given
    }

    static func apply(_ settings: EffectiveSettings, to settler: inout Settler) throws {
        settler.tls.caDirectory = settings.text(.caDirectory)
        if let path = settings.text(.acceptServerCertificate) {
            settler.tls.acceptedServerCertificatePEM = String(
                decoding: try settings.contents(of: .acceptServerCertificate, path: path), as: UTF8.self)
        }
        settler.tls.verifiesPeer = !settings.isOn(.insecureSkipVerify)
        settler.tls.minimumVersion = settings.text(.tlsMinimumVersion).flatMap(TLSVersion.init(rawValue:)) ?? settler.tls.minimumVersion
        settler.tls.cipherList = settings.text(.cipherList)
        settler.tls.serverName = settings.text(.serverName)
        if let path = settings.text(.clientKey) {
            settler.tls.clientKeyPEM = String(decoding: try settings.contents(of: .clientKey, path: path), as: UTF8.self)
        }
        if let seconds = settings.number(.keepAliveTime) { settler.tcpOptions.keepAliveTime = .seconds(seconds) }
        if let seconds = settings.number(.keepAliveInterval) { settler.tcpOptions.keepAliveInterval = .seconds(seconds) }
        settler.tcpOptions.lingerSeconds = settings.number(.lingerTime)
        settler.tcpOptions.localHost = settings.text(.localHost)
        settler.tcpOptions.noDelay = !settings.isOn(.tcpDelay)
        if let seconds = settings.number(.enquiryTimeout) { settler.link.enquiryTimeout = .seconds(seconds) }
        if let seconds = settings.number(.acknowledgementTimeout) { settler.link.acknowledgementTimeout = .seconds(seconds) }
        if let seconds = settings.number(.responseTimeout) { settler.link.responseTimeout = .seconds(seconds) }
        if let seconds = settings.number(.processingLimit) { settler.link.processingLimit = .seconds(seconds) }
        if let count = settings.number(.maximumRetransmissions) { settler.link.maximumRetransmissions = count }
    }
}
