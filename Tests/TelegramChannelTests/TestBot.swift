import ChannelKit
import Foundation
import TelegramChannel

/// The channel the tests configure: a bot token as BotFather issues them and a webhook secret.
enum TestBot {
    static let ref = ChannelRef(tenantID: "bakery", channelID: "bakery-telegram", kind: .telegram)
    static let token = Secret("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw")
    static let webhookSecret = Secret("bakery-webhook_S3cret")

    /// A valid webhook-mode configuration, changed by `settings` and `secrets`.
    static func configuration(
        settings: [String: JSONValue] = [:],
        secrets: [String: Secret]? = nil
    ) -> ChannelConfiguration {
        ChannelConfiguration(
            ref: ref,
            settings: settings,
            secrets: secrets ?? ["botToken": token, "webhookSecret": webhookSecret]
        )
    }

    static func adapter(settings: [String: JSONValue] = [:]) throws -> TelegramChannelAdapter {
        try TelegramChannelAdapter(configuration: configuration(settings: settings))
    }

    /// An adapter whose Bot API is `baseURL` (a fake provider).
    static func adapter(apiBaseURL baseURL: String, settings: [String: JSONValue] = [:]) throws -> TelegramChannelAdapter {
        var all = settings
        all["apiBaseURL"] = .string(baseURL)
        return try adapter(settings: all)
    }

    /// A webhook POST of `body` as Telegram sends it, with the secret token header (nil: none).
    static func webhook(_ body: String, secretToken: String? = webhookSecret.value) -> WebhookRequest {
        var headers: HeaderFields = ["Content-Type": "application/json"]
        if let secretToken {
            headers["X-Telegram-Bot-Api-Secret-Token"] = secretToken
        }
        return WebhookRequest(method: "POST", headers: headers, body: Data(body.utf8))
    }
}

/// ChannelKit's attachment, not Swift Testing's.
typealias Attachment = ChannelKit.Attachment

/// A test expectation about data that did not hold.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
}

/// The members of a JSON object body.
func jsonObject(_ data: Data) throws -> [String: JSONValue] {
    guard case .object(let members) = try JSONDecoder().decode(JSONValue.self, from: data) else {
        throw TestFailure(description: "expected a JSON object: \(String(decoding: data, as: UTF8.self))")
    }
    return members
}

/// The one message among `events`.
func onlyMessage(_ events: [InboundEvent]) throws -> InboundMessage {
    guard events.count == 1, case .message(let message) = events[0] else {
        throw TestFailure(description: "expected one message, got \(events)")
    }
    return message
}

/// The reason of the one ignored event among `events`.
func onlyIgnoredReason(_ events: [InboundEvent]) throws -> String {
    guard events.count == 1, case .ignored(let reason) = events[0] else {
        throw TestFailure(description: "expected one ignored event, got \(events)")
    }
    return reason
}

/// The requests of a provider-API delivery.
func providerRequests(_ delivery: Delivery) throws -> [ProviderRequest] {
    guard case .providerAPI(let requests) = delivery else {
        throw TestFailure(description: "expected provider-API requests, got \(delivery)")
    }
    return requests
}

extension TelegramChannelAdapter {
    /// Parses an Update posted to the webhook with the right secret token.
    func parse(update body: String) throws(WebhookError) -> [InboundEvent] {
        try parse(TestBot.webhook(body))
    }
}
