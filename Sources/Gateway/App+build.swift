import Brain
import Foundation
import ChannelKit
import Hummingbird
import HummingbirdWebSocket
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
    // What admins edited through the API replaces the configuration's assistant or knowledge base.
    for tenantID in configuration.tenants.apply(try await store.storedTenantSettings()) {
        logger.notice("the assistant or knowledge base edited through the admin API is used; channels.json's is ignored for it", metadata: ["tenant": "\(tenantID)"])
    }
    let metrics = GatewayMetrics(registry: metricsRegistry)
    let inboxSignal = WorkSignal()
    let outboxSignal = WorkSignal()
    let settings = configuration.settings
    let publicURL = options.publicURL ?? settings.publicURL ?? "http://\(options.host):\(options.port)"

    // One HTTP client for every outgoing call; its service is added first so it stops last.
    let http = HTTPClientService()
    let ledger = BudgetLedger(store: store, tenants: configuration.tenants, logger: logger.with(component: "budget"))
    let llm = configuration.llm.map { settings in
        LLMResponder(
            settings: settings, transport: HTTPLLMTransport(client: http.client), costGate: ledger,
            logger: logger.with(component: "llm")
        )
    }

    // One vector per question: recall, cache lookup and the memory indexer embed the same text.
    let embedder = MemoizingEmbedder(
        EmbedderFactory.make(configuration.semantic, transport: HTTPLLMTransport(client: http.client), logger: logger.with(component: "semantic"))
    )
    let memory = configuration.semantic.memoryEnabled
        ? SemanticMemory(store: store, embedder: embedder, logger: logger.with(component: "memory")) : nil

    let cache = configuration.semantic.cacheEnabled
        ? SemanticAnswerCache(
            store: store, embedder: embedder, timeToLive: TimeInterval(configuration.semantic.cacheTTLHours) * 3600,
            logger: logger.with(component: "cache")
        ) : nil
    if let cache {
        let restored = try await cache.load(tenants: configuration.tenants)
        logger.info("semantic cache ready", metadata: ["answers.restored": "\(restored)"])
    }
    // The knowledge base matches by meaning with a real model only: the lexical fallback's
    // vectors spell, they do not mean, so without the model it decides on words alone.
    let teacher = try await KnowledgeTeacher.load(store: store, logger: logger.with(component: "knowledge"))
    let knowledge = KnowledgeBaseResponder(
        embedder: embedder.wrapped is LexicalEmbedder ? nil : embedder, phrasings: teacher.phrasings, logger: logger.with(component: "knowledge")
    )
    try await knowledge.prepare(configuration.tenants)

    let guards = GuardStage(store: store, logger: logger.with(component: "guards"))
    let pipeline = ConversationPipeline(
        store: store,
        tenants: configuration.tenants,
        guards: guards,
        remember: RememberStage(store: store, retriever: memory ?? NoMemory()),
        answer: AnswerStage(
            knowledge: knowledge, llm: llm, cache: cache, logger: logger.with(component: "answer")
        ),
        timeBudgets: { [llmSettings = configuration.llm] kind in llmSettings?.timeBudget(for: kind) ?? .seconds(30) }
    )
    let router = Router(context: GatewayRequestContext.self)
    router.add(middleware: RequestLogMiddleware())
    let reports = ProviderReports(store: store, ledger: ledger, pricing: configuration.pricing)
    WebhookController(
        channels: configuration.channels, store: store, inboxSignal: inboxSignal,
        publicURL: publicURL, maxBodyBytes: settings.maxBodyBytes, metrics: metrics, reports: reports, pipeline: pipeline
    ).addRoutes(to: router)
    OperationsController(store: store, channels: configuration.channels, metrics: metrics).addRoutes(to: router)
    let pauses = ChannelPauses(try await store.channelPauses())
    AdminController(
        store: store, tenants: configuration.tenants, channels: configuration.channels, outboxSignal: outboxSignal,
        pauses: pauses, memory: memory, ledger: ledger, requestsPerMinute: 600,
        editor: TenantEditor(store: store, tenants: configuration.tenants, cache: cache, logger: logger.with(component: "admin")),
        teacher: teacher,
        modelIDs: configuration.llm.map { Set($0.models.map(\.id)) }
    ).addRoutes(to: router)
    APIDocsController().addRoutes(to: router)
    let webChats = try await WebChatChannel.load(from: configuration.channels, store: store)
    let hub = WebChatHub()
    WebChatController(
        channels: webChats, registry: configuration.channels, store: store, hub: hub, inboxSignal: inboxSignal,
        tenants: configuration.tenants, publicURL: publicURL
    ).addRoutes(to: router)

    // Last: it wraps only the router's not-found responder.
    router.add(middleware: UnmatchedRouteFallback(routes: router.routes, apiPrefix: "/api/v1"))
    var app = Application(
        router: router,
        server: .http1WebSocketUpgrade(
            webSocketRouter: router,
            configuration: .init(ws: .init(maxFrameSize: WebChatChannel.largestFrame(in: webChats), autoPing: .enabled(timePeriod: .seconds(30))))
        ),
        configuration: .init(address: .hostname(options.host, port: options.port), serverName: "omnichannel-gateway"),
        logger: logger
    )
    app.addServices(http)
    app.addServices(
        InboundWorker(
            store: store, pipeline: pipeline, channels: configuration.channels,
            client: ProviderClient(client: http.client, timeout: .seconds(10)),
            signal: inboxSignal, outboxSignal: outboxSignal,
            settings: settings.worker, metrics: metrics, hub: hub, logger: logger.with(component: "inbound-worker")
        ),
        OutboundDispatcher(
            store: store, channels: configuration.channels, client: http.client, signal: outboxSignal,
            settings: settings.dispatcher, metrics: metrics, ledger: ledger, pricing: configuration.pricing, hub: hub, pauses: pauses,
            logger: logger.with(component: "dispatcher")
        ),
        GuardMaintenance(guards: guards, tenants: configuration.tenants, interval: .seconds(6 * 3600), logger: logger.with(component: "maintenance"))
    )
    if let memory {
        app.addServices(MemoryIndexer(
            memory: memory, batchSize: configuration.semantic.memoryBatchSize, idleInterval: .milliseconds(250),
            logger: logger.with(component: "memory")
        ))
    }
    for entry in configuration.channels.all {
        guard let adapter = entry.adapter as? any PollingChannelAdapter, adapter.pollsForUpdates else { continue }
        app.addServices(ChannelPoller(
            adapter: adapter, store: store, client: http.client, inboxSignal: inboxSignal, reports: reports, metrics: metrics,
            logger: logger.with(component: "poller").with(channel: entry.ref.channelID)
        ))
    }
    logger.info("gateway built", metadata: [
        "public_url": "\(publicURL)", "channels.active": "\(configuration.channels.activeCount)",
        "tenants": "\(configuration.tenants.all.count)",
        "llm": "\(configuration.llm?.hasUsableModel == true ? "configured" : "off (knowledge base only)")",
    ])
    return app
}

extension Logger {
    func with(component: String) -> Logger {
        var copy = self
        copy[metadataKey: "component"] = "\(component)"
        return copy
    }

    func with(channel: String) -> Logger {
        var copy = self
        copy[metadataKey: "channel"] = "\(channel)"
        return copy
    }
}
