import ChannelKit
import Foundation

/// Reads SendGrid's Event Webhook: a JSON array of events, each an object with `event`, `email`,
/// `timestamp` (Unix seconds), `sg_event_id`, `sg_message_id` and, by event, `reason`, `type`,
/// `status`, `response`, `bounce_classification`, `sg_machine_open`, plus the `custom_args` the
/// email was sent with.
///
/// | event | becomes |
/// |---|---|
/// | `processed` | receipt `sent` |
/// | `delivered` | receipt `delivered` |
/// | `open` (not `sg_machine_open`), `click` | receipt `read` |
/// | `bounce` of type `bounce` | receipt `failed` and the address unreachable |
/// | `bounce` of type `blocked` | receipt `failed` (unreachable too when classified "Invalid Address") |
/// | `dropped` for a bounced, invalid, unsubscribed or spam-reporting address | receipt `failed` and the address unreachable |
/// | other `dropped` | receipt `failed` |
/// | `spamreport`, `unsubscribe`, `group_unsubscribe` | the address unreachable |
/// | `deferred`, `group_resubscribe`, machine opens, others | ignored |
///
/// The provider message id is `sg_message_id` up to its first `.`: the `X-Message-Id` the send
/// returned. Events tagged with another channel's `gateway_channel_id` (several channels on one
/// SendGrid account) are ignored.
public enum SendGridEventWebhook {
    /// The most events read from one post (SendGrid batches up to a few hundred).
    public static let maxEvents = 5_000
    /// The longest provider reason kept in a receipt or an unreachable event.
    public static let maxReasonLength = 300
    /// `dropped` reasons that mean the address will not receive mail.
    static let unreachableDropReasons = ["bounced address", "invalid", "unsubscribed address", "spam reporting address"]

    /// The events in a post's body.
    ///
    /// - Parameters:
    ///   - channelID: this channel's id; events whose `gateway_channel_id` names another are ignored.
    ///   - now: the time to use for events without a `timestamp`.
    /// - Throws: 400 `malformed_payload` when the body is not a JSON array of objects.
    public static func events(in body: Data, channelID: String, now: Date) throws(WebhookError) -> [InboundEvent] {
        guard case .array(let items)? = SendGridJSON.value(body) else {
            throw WebhookError.malformed("the Event Webhook body must be a JSON array of events")
        }
        guard items.count <= maxEvents else {
            throw WebhookError.malformed("the Event Webhook body has more than \(maxEvents) events")
        }
        var events: [InboundEvent] = []
        for (index, item) in items.enumerated() {
            guard case .object(let fields) = item else {
                throw WebhookError.malformed("event [\(index)] must be a JSON object")
            }
            events += interpret(JSONPayloadObject(fields, path: "[\(index)]"), channelID: channelID, now: now)
        }
        return events
    }

    /// What one event means.
    static func interpret(_ event: JSONPayloadObject, channelID: String, now: Date) -> [InboundEvent] {
        let name = event.string("event")?.lowercased() ?? ""
        if let owner = event.string(EmailCustomArg.channelID), owner != channelID {
            return [.ignored(reason: "SendGrid \(name) event for another channel (\(owner.prefix(60)))")]
        }
        let id = event.string("sg_message_id").map { String($0.prefix { $0 != "." }) }.flatMap { $0.isEmpty ? nil : $0 }
        let address = event.string("email")?.trimmingCharacters(in: .whitespaces).lowercased()
        let timestamp = event.number("timestamp").map { Date(timeIntervalSince1970: $0) } ?? now
        let reason = event.string("reason") ?? event.string("response")

        func receipt(_ status: DeliveryStatus, code: String? = nil, description: String? = nil) -> [InboundEvent] {
            guard let id else { return [] }
            return [.receipt(DeliveryReceipt(
                providerMessageID: id, status: status, timestamp: timestamp,
                errorCode: code, errorDescription: description.map(clipped)
            ))]
        }
        func unreachable(_ why: String) -> [InboundEvent] {
            guard let address, !address.isEmpty else { return [] }
            return [.unreachable(address: address, reason: clipped(why))]
        }
        func orIgnored(_ events: [InboundEvent]) -> [InboundEvent] {
            events.isEmpty ? [.ignored(reason: "SendGrid \(name) event without sg_message_id or email")] : events
        }

        switch name {
        case "processed":
            return orIgnored(receipt(.sent))
        case "delivered":
            return orIgnored(receipt(.delivered))
        case "open":
            if event.bool("sg_machine_open") == true {
                return [.ignored(reason: "SendGrid open event by a mail client's privacy proxy, not the recipient")]
            }
            return orIgnored(receipt(.read))
        case "click":
            return orIgnored(receipt(.read))
        case "bounce":
            let type = event.string("type")?.lowercased() ?? "bounce"
            let status = event.string("status")
            let detail = [status, reason].compactMap { $0 }.joined(separator: " ")
            let failed = receipt(.failed, code: type == "blocked" ? "blocked" : "bounce", description: detail.isEmpty ? nil : detail)
            let invalid = event.string("bounce_classification")?.lowercased() == "invalid address"
            guard type != "blocked" || invalid else { return orIgnored(failed) }
            return orIgnored(failed + unreachable("the email bounced: \(detail.isEmpty ? "no reason given" : detail)"))
        case "dropped":
            let why = reason ?? "no reason given"
            let failed = receipt(.failed, code: "dropped", description: why)
            guard unreachableDropReasons.contains(why.lowercased()) else { return orIgnored(failed) }
            return orIgnored(failed + unreachable("SendGrid dropped the email: \(why)"))
        case "spamreport":
            return orIgnored(unreachable("the recipient reported an email as spam"))
        case "unsubscribe":
            return orIgnored(unreachable("the recipient unsubscribed"))
        case "group_unsubscribe":
            return orIgnored(unreachable("the recipient unsubscribed from an unsubscribe group"))
        default:
            return [.ignored(reason: "SendGrid \(name.isEmpty ? "unnamed" : String(name.prefix(40))) event is not tracked")]
        }
    }

    private static func clipped(_ text: String) -> String {
        text.count <= maxReasonLength ? text : String(text.prefix(maxReasonLength - 1)) + "…"
    }
}
