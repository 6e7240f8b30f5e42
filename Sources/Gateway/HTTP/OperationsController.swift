import Brain
import Foundation
import Hummingbird
import NIOCore

/// `/health` (the process answers), `/ready` (the database answers and a channel is active),
/// `/metrics` (Prometheus text format).
struct OperationsController: Sendable {
    let store: SQLiteStore
    let channels: ChannelRegistry
    let metrics: GatewayMetrics

    func addRoutes(to router: Router<GatewayRequestContext>) {
        router.get("/health") { _, _ in
            Self.json(["status": "ok"])
        }
        router.get("/ready") { _, _ in
            try await ready()
        }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: metrics.exposition()))
            )
        }
    }

    private func ready() async throws -> Response {
        struct Readiness: Encodable {
            var status: String
            var channels: [String: Int]
            var inbox: [String: Int]
            var outbox: [String: Int]
        }
        let active = channels.activeCount
        let disabled = channels.disabled.count
        let channelCounts = ["active": active, "disabled": disabled, "off": channels.all.count - active - disabled]
        do {
            let inbox = try await store.inboxCounts()
            let outbox = try await store.outboxCounts()
            let ready = active > 0
            return Self.json(Readiness(status: ready ? "ready" : "no active channel", channels: channelCounts, inbox: inbox, outbox: outbox), status: ready ? .ok : .serviceUnavailable)
        } catch {
            return Self.json(Readiness(status: "database unavailable", channels: channelCounts, inbox: [:], outbox: [:]), status: .serviceUnavailable)
        }
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
