import Brain
import ChannelKit
import Foundation
import Hummingbird

/// `/api/v1/channels`: the tenant's channels with their state and activity; admins pause and
/// resume them (a paused channel keeps receiving; its replies wait in the outbox).
extension AdminController {
    func addChannelRoutes(to api: RouterGroup<GatewayRequestContext>) {
        api.get("/channels") { request, context in try await listChannels(request, context) }
        api.get("/channels/{channelId}") { _, context in
            let key = try context.requireKey()
            return try AdminJSON.response(try await represent(try channelEntry(context, key: key), key: key))
        }
        api.post("/channels/{channelId}/pause") { _, context in try await setPaused(true, context) }
        api.post("/channels/{channelId}/resume") { _, context in try await setPaused(false, context) }
    }

    private func listChannels(_ request: Request, _ context: GatewayRequestContext) async throws -> Response {
        let key = try context.requireKey()
        let page = try PageRequest(request)
        var entries = channels.all.filter { $0.ref.tenantID == key.tenantID }
        if let after = page.cursor {
            guard after.count == 1 else { throw AdminAPIError.validation("cursor", "the cursor is not one this API gave out") }
            entries = entries.filter { $0.ref.channelID > after[0] }
        }
        let shown = Array(entries.prefix(page.limit))
        var items: [AdminJSON.Channel] = []
        for entry in shown { items.append(try await represent(entry, key: key)) }
        let next = entries.count > page.limit ? shown.last.map { PageRequest.encode([$0.ref.channelID]) } : nil
        return try AdminJSON.response(AdminJSON.Page(data: items, nextCursor: next))
    }

    private func setPaused(_ paused: Bool, _ context: GatewayRequestContext) async throws -> Response {
        let key = try context.requireKey(.admin)
        let entry = try channelEntry(context, key: key)
        let id = entry.ref.channelID
        if try await store.setChannelPaused(paused, channelID: id, by: key) {
            pauses.set(paused ? ChannelPause(channelID: id, pausedBy: key.name, pausedAt: Date()) : nil, for: id)
            if !paused {
                // Replies held while it was paused go out now.
                try await store.retryHeldReplies(channelID: id, tenantID: key.tenantID)
                outboxSignal.notify()
            }
            context.logger.notice(paused ? "channel paused" : "channel resumed", metadata: ["channel": "\(id)"])
        }
        return try AdminJSON.response(try await represent(entry, key: key))
    }

    /// The channel the path names, of the key's tenant (404 otherwise).
    private func channelEntry(_ context: GatewayRequestContext, key: APIKeyRecord) throws -> ChannelEntry {
        guard let id = context.parameters.get("channelId"), !id.isEmpty, id.count <= 200 else {
            throw AdminAPIError.validation("channelId", "channelId must be 1 to 200 characters")
        }
        guard let entry = channels[id], entry.ref.tenantID == key.tenantID else {
            throw AdminAPIError(.notFound, "no such channel")
        }
        return entry
    }

    private func represent(_ entry: ChannelEntry, key: APIKeyRecord) async throws -> AdminJSON.Channel {
        let activity = try await store.channelActivity(channelID: entry.ref.channelID, tenantID: key.tenantID)
        let pause = pauses.pause(of: entry.ref.channelID)
        let (status, reason): (String, String?) = switch entry.state {
        case .active: pause == nil ? ("active", nil) : ("paused", "paused by \(pause?.pausedBy ?? "an admin")")
        case .disabled(let reason): ("disabled", reason)
        case .switchedOff: ("off", "\"enabled\": false in the configuration")
        }
        return AdminJSON.Channel(
            id: entry.ref.channelID, type: entry.type, kind: entry.ref.kind.rawValue, status: status, statusReason: reason,
            pausedBy: pause?.pausedBy, pausedAt: pause.map { AdminJSON.timestamp($0.pausedAt) },
            lastInboundAt: activity.lastInboundAt.map(AdminJSON.timestamp), lastOutboundAt: activity.lastOutboundAt.map(AdminJSON.timestamp),
            counts: .init(
                received: activity.received, sent: activity.sent, pending: activity.pending, failed: activity.failed,
                uncertain: activity.uncertain, processingFailures: activity.processingFailures
            )
        )
    }
}
