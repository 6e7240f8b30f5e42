import Brain
import Hummingbird
import Logging
import Prometheus

/// Where and how the gateway runs; the command line and environment fill it in.
struct GatewayOptions: Sendable {
    var host: String = "127.0.0.1"
    var port: Int = 8080
    var databasePath: String = "data/gateway.sqlite"
    /// Overrides the configuration file's `gateway.publicURL`.
    var publicURL: String?
}

/// Builds the whole gateway: storage, pipeline, routes, the inbound worker and the outbound
/// dispatcher. `gateway serve` runs what this returns; tests call it too.
func buildApplication(
    options: GatewayOptions,
    configuration: GatewayConfiguration,
    logger: Logger,
    metricsRegistry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()
) async throws -> some ApplicationProtocol {
    for warning in configuration.warnings {
        logger.warning("\(warning)")
    }
    let store = try await SQLiteStore.open(path: options.databasePath, logger: logger)
    let metrics = GatewayMetrics(registry: metricsRegistry)
    let inboxSignal = WorkSignal()
    let outboxSignal = WorkSignal()
    let settings = configuration.settings
    let publicURL = options.publicURL ?? settings.publicURL ?? "http://\(options.host):\(options.port)"

    let router = Router(context: GatewayRequestContext.self)
    router.add(middleware: RequestLogMiddleware())
    WebhookController(
        channels: configuration.channels, store: store, inboxSignal: inboxSignal,
        publicURL: publicURL, maxBodyBytes: settings.maxBodyBytes, metrics: metrics
    ).addRoutes(to: router)
    OperationsController(store: store, channels: configuration.channels, metrics: metrics).addRoutes(to: router)

    let pipeline = ConversationPipeline(
        store: store,
        tenants: configuration.tenants,
        responder: KnowledgeBaseResponder(tenants: configuration.tenants)
    )
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(options.host, port: options.port), serverName: "omnichannel-gateway"),
        logger: logger
    )
    app.addServices(
        InboundWorker(
            store: store, pipeline: pipeline, signal: inboxSignal, outboxSignal: outboxSignal,
            settings: settings.worker, metrics: metrics, logger: logger.with(component: "inbound-worker")
        ),
        OutboundDispatcher(
            store: store, channels: configuration.channels, signal: outboxSignal,
            settings: settings.dispatcher, metrics: metrics, logger: logger.with(component: "dispatcher")
        )
    )
    logger.info("gateway built", metadata: [
        "public_url": "\(publicURL)", "channels.active": "\(configuration.channels.activeCount)",
        "tenants": "\(configuration.tenants.all.count)",
    ])
    return app
}

extension Logger {
    func with(component: String) -> Logger {
        var copy = self
        copy[metadataKey: "component"] = "\(component)"
        return copy
    }
}
