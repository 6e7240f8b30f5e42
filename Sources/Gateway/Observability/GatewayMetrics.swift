import Brain
import Metrics
import Prometheus

/// The gateway's metrics, created once with fixed labels (never per customer or per message).
struct GatewayMetrics: Sendable {
    enum DeliveryOutcome: String, CaseIterable, Sendable { case sent, retry, dead, uncertain }
    enum WebhookOutcome: String, CaseIterable, Sendable { case accepted, duplicate, handshake, refused }

    let registry: PrometheusCollectorRegistry
    private let webhook: [WebhookOutcome: Metrics.Counter]
    private let processed: [String: Metrics.Counter]
    private let processingDuration: Metrics.Timer
    private let deliveries: [DeliveryOutcome: Metrics.Counter]

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
        let factory = PrometheusMetricsFactory(registry: registry)
        webhook = Dictionary(uniqueKeysWithValues: WebhookOutcome.allCases.map {
            ($0, Metrics.Counter(label: "gateway_webhook_messages_total", dimensions: [("outcome", $0.rawValue)], factory: factory))
        })
        processed = Dictionary(uniqueKeysWithValues: ["replied", "handed_off", "blocked", "silent", "already_processed", "retry", "failed"].map {
            ($0, Metrics.Counter(label: "gateway_inbox_processed_total", dimensions: [("outcome", $0)], factory: factory))
        })
        processingDuration = Metrics.Timer(label: "gateway_pipeline_duration_seconds", dimensions: [], factory: factory)
        deliveries = Dictionary(uniqueKeysWithValues: DeliveryOutcome.allCases.map {
            ($0, Metrics.Counter(label: "gateway_outbox_deliveries_total", dimensions: [("outcome", $0.rawValue)], factory: factory))
        })
    }

    func recordWebhook(_ outcome: WebhookOutcome, count: Int = 1) {
        guard count > 0 else { return }
        webhook[outcome]?.increment(by: count)
    }

    func recordProcessed(_ outcome: PipelineOutcome, duration: Duration) {
        let label = switch outcome {
        case .replied: "replied"
        case .handedOff: "handed_off"
        case .blocked: "blocked"
        case .silent: "silent"
        case .alreadyProcessed: "already_processed"
        }
        processed[label]?.increment()
        processingDuration.recordNanoseconds(duration.nanosecondsClamped)
    }

    func recordProcessingFailure(final: Bool) {
        processed[final ? "failed" : "retry"]?.increment()
    }

    func recordDelivery(_ outcome: DeliveryOutcome) {
        deliveries[outcome]?.increment()
    }

    /// The Prometheus text exposition of every metric.
    func exposition() -> String {
        registry.emitToString()
    }
}
