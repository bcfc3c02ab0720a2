import ArgumentParser
import CoreMetrics
import Foundation
import Logging
import ServiceLifecycle
import SettleAPI
import SettleDTO
import SettleHTTP
import SettleLedger
import SettleService
import SettleSettings
import SettleSimulator
import SettleVault
import SettleWebhooks
import UnixSignals

/// `tsys-settle serve`: the HTTP settlement API. With no processor configured it settles against
/// a built-in simulator on loopback, and says so.
struct ServeCommand: AsyncParsableCommand, ConfiguredCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the JSON settlement API over HTTP/1.1 (the built-in simulator unless a processor is configured).")

    @OptionGroup var configFile: ConfigFileOption
    @OptionGroup(title: "Server (address, API keys, HTTPS, limits and timeouts)") var server: ServerOptions
    @OptionGroup(title: "Settlement ledger") var ledgerOptions: LedgerOptions
    @OptionGroup var options: EngineOptions
    @OptionGroup var link: LinkOptions
    @OptionGroup(title: "Tuning (TLS, TCP and link timer details)") var tuning: TuningOptions
    @OptionGroup(title: "Webhooks (endpoints 2-4: the configuration file or the environment)") var webhooks: WebhookOptions
    @OptionGroup(title: "Open batches and card data") var openBatches: OpenBatchOptions

    static let settingsName = "serve"
    var givenFlags: GivenFlags {
        configFile.flags.merging(server.flags).merging(ledgerOptions.flags).merging(options.flags).merging(link.flags).merging(tuning.flags)
            .merging(webhooks.flags).merging(openBatches.flags)
    }

    func run() async throws {
        let settings = try settings()
        let keys = try ServerOptions.keys(settings)
        let serverConfiguration = try ServerOptions.configuration(settings)
        let clock = EngineOptions.clock(settings)
        var settler = try LinkOptions.settler(settings)
        let logger = LinkOptions.logger(settings)
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        var simulator: SimulatorServer?
        if case .simulator = settler.endpoint {
            let server = try SimulatorServer(
                service: settler.usesHTTPPost ? .httpPost : .socket,
                judge: BatchJudge(profile: EngineOptions.defaults(settings).profile, today: clock.today()))
            simulator = server
            settler.simulator = (server.port, server.certificatePEM)
            services.append(.init(service: SimulatorService(simulator: server)))
        }
        var configured = SettlementAPI(defaults: EngineOptions.defaults(settings), clock: clock, settler: settler, keys: keys)
        configured.allowsTrace = settings.isOn(.allowTrace)
        let ledger = try LedgerOptions.open(settings)
        configured.ledger = ledger
        configured.fingerprintKey = try LedgerOptions.fingerprintKey(settings)
        if let cardDataKeys = try OpenBatchOptions.keyring(settings) {
            try OpenBatchOptions.check(cardDataKeys, against: ledger)
            configured.cardDataKeys = cardDataKeys
        } else {
            try OpenBatchOptions.check(CardDataKeyring?.none, against: ledger)
            logger.warning(
                "no card data key configured (\(Setting.cardDataKey) or \(Setting.cardDataKeyFile), shared by every replica): captures are refused")
        }
        configured.closeSettings = OpenBatchOptions.closeSettings(settings)
        let background = BackgroundSettlements()
        configured.background = background
        let endpoints = try WebhookOptions.endpoints(settings, logger: logger)
        let leaseDuration = LedgerOptions.leaseDuration(settings)
        try LedgerService.start(ledger, leaseDuration: leaseDuration, logger: logger)
        if let lease = ledger.lease { configured.replica = lease.instance }
        services.insert(.init(service: LedgerService(ledger: ledger, leaseDuration: leaseDuration, logger: logger)), at: 0)
        var dispatcher: WebhookDispatcher?
        if !endpoints.isEmpty {
            let webhooks = WebhookDispatcher(
                endpoints: endpoints, ledger: ledger, sender: WebhookOptions.sender(settings), backoff: WebhookOptions.backoff(settings),
                replica: ledger.lease?.instance ?? ReplicaLease.newInstanceID(), logger: logger, metrics: configured.metrics.factory,
                render: SettlementAPI.eventJSON)
            try await webhooks.register()
            configured.eventRecorded = { webhooks.nudge() }
            dispatcher = webhooks
        }
        let api = configured
        // The libraries' metrics (through swift-metrics) join the API's at /metrics.
        MetricsSystem.bootstrap(api.metrics.factory)
        let server = HTTPServer(configuration: serverConfiguration) { await api.handle($0) }
        api.metrics.observeConnections { server.openConnections }
        let target =
            simulator.map { "the built-in TSYS host simulator on 127.0.0.1:\($0.port) (offline; configure --processor for the test or live host)" }
            ?? "\(settler.endpoint.socketAddress.map { "\($0.host):\($0.port)" } ?? "the gateway")"
        let scheme = serverConfiguration.tls == nil ? "http" : "https", host = serverConfiguration.host
        let keyCount = settings.list(.apiKeyHashes).count, environment = api.environment, path = ledger.location
        let banner = Banner(format: settings.text(.logFormat) ?? "text")
        // The group stops its services in reverse order: the API drains first, then the
        // settlements answered 202 end, then the webhook dispatcher finishes its pass, then the
        // simulator and the ledger are released.
        let http = HTTPService(
            server: server, readiness: api.readiness,
            listening: { port in
                banner.announce(
                    "listening on \(scheme)://\(host):\(port), settling against \(target), environment \(environment), "
                        + "\(keyCount == 0 ? "no API keys (loopback only)" : "\(keyCount) API key(s) required"), ledger \(path)")
            },
            stopping: { banner.announce("stopping; finishing settlements in progress") })
        if let dispatcher { services.append(.init(service: WebhookService(dispatcher: dispatcher))) }
        services.append(.init(service: CloseSchedulerService(scheduler: CloseScheduler(api: api))))
        services.append(.init(service: BackgroundSettlementService(settlements: background)))
        services.append(.init(service: http, successTerminationBehavior: .gracefullyShutdownGroup))
        Banner.unblockStopSignals()
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
