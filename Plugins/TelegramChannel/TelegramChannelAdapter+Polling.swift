import ChannelKit
import Foundation

extension TelegramChannelAdapter: PollingChannelAdapter {
    /// Whether `settings.mode` is `polling`.
    public var pollsForUpdates: Bool {
        settings.mode == .polling
    }

    /// `getUpdates` from `cursor` (the `offset`: one more than the last `update_id` seen),
    /// waiting up to `timeout` (whole seconds) for updates of the handled kinds.
    public func pollRequest(after cursor: String?, timeout: Duration) -> ProviderRequest {
        var parameters: [String: RequestJSON] = [
            "timeout": .int(max(0, timeout.components.seconds)),
            "allowed_updates": .strings(TelegramUpdate.handledKinds),
        ]
        if let offset = cursor.flatMap({ Int64($0) }) {
            parameters["offset"] = .int(offset)
        }
        return api.request("getUpdates", parameters)
    }

    /// Reads a `getUpdates` answer, `{"ok": true, "result": [Update…]}`: every update's event,
    /// in order, and the next cursor, the highest `update_id` + 1 (nil when there were none).
    ///
    /// An update that cannot be read becomes an ignored event naming the field, so one bad
    /// update never stalls the channel: the cursor moves past it.
    ///
    /// - Throws: ``SendFailure`` as ``TelegramAnswer/failure(of:body:)`` describes; 409 (another
    ///   `getUpdates` client, or a webhook is set) is permanent with a reason saying what to do.
    public func parsePollResponse(_ response: ProviderResponse) throws(SendFailure) -> PollResult {
        let result: JSONValue
        do throws(SendFailure) {
            result = try TelegramAnswer.result(of: response)
        } catch {
            throw Self.explainingConflict(error)
        }
        guard case .array(let updates) = result else {
            throw SendFailure(isRetryable: true, status: response.status, reason: "Telegram's getUpdates answer has no list of updates")
        }
        let now = Date()
        var events: [InboundEvent] = []
        var highest: Int64?
        for (index, item) in updates.enumerated() {
            guard case .object(let members) = item else {
                events.append(.ignored(reason: "getUpdates result[\(index)] is \(item.typeName), not an Update object"))
                continue
            }
            let update = TelegramObject(members, path: "")
            if let id = try? TelegramUpdate.id(of: update) {
                highest = max(highest ?? id, id)
            }
            do {
                events.append(try TelegramUpdate.event(in: update, now: now))
            } catch {
                events.append(.ignored(reason: "getUpdates result[\(index)] cannot be read: \(error.message)"))
            }
        }
        return PollResult(events: events, nextCursor: highest.map { String($0 + 1) })
    }

    /// A 409 failure with a reason that says what to do about it.
    private static func explainingConflict(_ failure: SendFailure) -> SendFailure {
        guard failure.status == 409 || failure.providerCode == "409" else { return failure }
        var explained = failure
        explained.isRetryable = false
        explained.reason = failure.reason + ": another gateway or bot is polling this bot token, or a webhook is set for it; "
            + "stop the other instance, or run `gateway channels register <channelId>` in polling mode to delete the webhook"
        return explained
    }
}

extension TelegramChannelAdapter: WebhookRegisteringAdapter {
    /// In webhook mode, `setWebhook` with the URL, the `webhookSecret` as `secret_token`, the
    /// handled update kinds and `drop_pending_updates: false` (nothing waiting is lost).
    ///
    /// In polling mode, `deleteWebhook` (pending updates kept) instead: Telegram refuses
    /// `getUpdates` while a webhook is set, so registering a polling channel clears the way.
    public func registrationRequests(webhookURL: String) -> [ProviderRequest] {
        guard settings.mode == .webhook, let secret = settings.webhookSecret else {
            return [api.request("deleteWebhook", ["drop_pending_updates": false])]
        }
        return [api.request("setWebhook", [
            "url": .string(webhookURL),
            "secret_token": .string(secret.value),
            "allowed_updates": .strings(TelegramUpdate.handledKinds),
            "drop_pending_updates": false,
        ])]
    }
}
