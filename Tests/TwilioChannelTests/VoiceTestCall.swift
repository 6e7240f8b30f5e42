import ChannelKit
import Foundation
import Testing
import TwilioChannel
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The voice channel the tests configure, and Twilio Voice webhooks as Twilio posts them, signed.
enum VoiceTestCall {
    static let ref = ChannelRef(tenantID: "bakery", channelID: "bakery-voice", kind: .voice)
    /// The public URL configured as the number's voice webhook.
    static let webhookURL = "https://gw.example.com/webhooks/bakery-voice"
    static let path = "/webhooks/bakery-voice"
    static let callSid = "CA5f4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d"
    static let caller = "+14155550123"
    static let businessNumber = "+14155550100"
    static let staffNumber = "+14155550199"
    static let farewell = "Thanks for calling Bella's Bakery. Goodbye!"

    /// A valid configuration, changed by `settings` (a nil value removes the key).
    static func configuration(settings overrides: [String: JSONValue?] = [:], secrets: [String: Secret]? = nil) -> ChannelConfiguration {
        var settings: [String: JSONValue] = ["accountSid": .string(TestAccount.accountSid)]
        for (key, value) in overrides {
            settings[key] = value
        }
        return ChannelConfiguration(ref: ref, settings: settings, secrets: secrets ?? ["authToken": TestAccount.authToken])
    }

    static func adapter(settings: [String: JSONValue?] = [:]) throws -> VoiceChannelAdapter {
        try VoiceChannelAdapter(configuration: configuration(settings: settings))
    }

    /// A POST of `fields` to the webhook URL with `query`, signed over that URL (query included)
    /// unless `signature` is given (pass "" for no header).
    static func request(_ fields: [(String, String)], query: String = "", base: String = webhookURL, signature: String? = nil) -> WebhookRequest {
        let url = query.isEmpty ? base : base + "?" + query
        let parameters = fields.map { (name: $0.0, value: $0.1) }
        var headers: HeaderFields = ["Content-Type": "application/x-www-form-urlencoded", "I-Twilio-Idempotency-Token": "5e1c0a4f-2d5b-4a3e-9c7d-1f2e3a4b5c6d"]
        let value = signature ?? TwilioSignature.compute(url: url, parameters: parameters, authToken: TestAccount.authToken)
        if !value.isEmpty {
            headers["X-Twilio-Signature"] = value
        }
        return WebhookRequest(method: "POST", rawQuery: query, headers: headers, body: formBody(fields), publicURL: url)
    }

    /// The request Twilio makes when it follows the `action` URL of a TwiML verb (a path with a
    /// query, `&amp;` already unescaped by the XML reader), posting `fields`.
    static func following(_ action: String, with fields: [(String, String)]) -> WebhookRequest {
        let parts = action.split(separator: "?", maxSplits: 1)
        let base = "https://gw.example.com" + parts[0]
        return request(fields, query: parts.count > 1 ? String(parts[1]) : "", base: base)
    }

    /// The fields every Voice request carries, for a call ringing or in progress.
    static func callFields(status: String = "in-progress", from: String = caller) -> [(String, String)] {
        [
            ("AccountSid", TestAccount.accountSid), ("ApiVersion", "2010-04-01"), ("CallSid", callSid),
            ("CallStatus", status), ("Called", businessNumber), ("CalledCity", "SAN FRANCISCO"),
            ("CalledCountry", "US"), ("CalledState", "CA"), ("CalledZip", "94108"), ("Caller", from),
            ("CallerCity", "OAKLAND"), ("CallerCountry", "US"), ("CallerState", "CA"), ("CallerZip", "94612"),
            ("Direction", "inbound"), ("From", from), ("FromCity", "OAKLAND"), ("FromCountry", "US"),
            ("FromState", "CA"), ("FromZip", "94612"), ("To", businessNumber), ("ToCity", "SAN FRANCISCO"),
            ("ToCountry", "US"), ("ToState", "CA"), ("ToZip", "94108"),
        ]
    }

    /// The voice webhook of an incoming call.
    static func incoming(from: String = caller) -> [(String, String)] {
        callFields(status: "ringing", from: from)
    }

    /// A `<Gather>` result: what the caller said, or nothing (a silence).
    static func gather(_ speech: String?, confidence: String = "0.9170872") -> [(String, String)] {
        var fields = callFields()
        if let speech {
            fields += [("SpeechResult", speech), ("Confidence", confidence)]
        }
        return fields
    }

    /// A `<Dial>` result.
    static func dialed(_ status: String) -> [(String, String)] {
        callFields() + [
            ("DialCallSid", "CA0a1b2c3d4e5f60718293a4b5c6d7e8f9"), ("DialCallStatus", status),
            ("DialCallDuration", status == "completed" ? "94" : "0"), ("DialBridged", status == "completed" ? "true" : "false"),
        ]
    }

    /// A call status callback.
    static func status(_ status: String, duration: String?, timestamp: String = "Tue, 08 Jul 2025 10:15:42 +0000") -> [(String, String)] {
        var fields: [(String, String)] = [
            ("AccountSid", TestAccount.accountSid), ("ApiVersion", "2010-04-01"), ("CallSid", callSid),
            ("CallStatus", status), ("Called", businessNumber), ("Caller", caller), ("Direction", "inbound"),
            ("From", caller), ("To", businessNumber), ("Timestamp", timestamp),
            ("CallbackSource", "call-progress-events"), ("SequenceNumber", "0"),
        ]
        if let duration {
            fields.append(("CallDuration", duration))
        }
        return fields
    }

    /// The address the gateway renders a reply to `message` for.
    static func address(answering message: InboundMessage) -> ConversationAddress {
        ConversationAddress(
            recipient: message.sender, threadKey: message.threadKey, inReplyTo: message.providerMessageID, context: message.metadata
        )
    }

    /// The context of a message on `turn`, as the adapter writes it.
    static func context(turn: String, path: String = path) -> [String: String] {
        ["voice.callSid": callSid, "voice.turn": turn, "voice.actionPath": path, "voice.to": businessNumber]
    }

    /// The address of a reply to the message of `turn`.
    static func address(turn: String, path: String = path) -> ConversationAddress {
        ConversationAddress(
            recipient: Participant(channelUserID: caller, phone: caller), threadKey: callSid,
            inReplyTo: "\(callSid):\(turn)", context: context(turn: turn, path: path)
        )
    }
}

/// One element of a TwiML document: its name, attributes, text and child elements.
struct TwiMLElement: Hashable, CustomStringConvertible {
    var name: String
    var attributes: [String: String]
    var text: String
    var children: [TwiMLElement]

    /// The names of the children, in order.
    var verbs: [String] { children.map(\.name) }

    /// The first child called `name`.
    func child(_ name: String) throws -> TwiMLElement {
        guard let found = children.first(where: { $0.name == name }) else {
            throw TestFailure(description: "no <\(name)> in \(self)")
        }
        return found
    }

    var description: String {
        "<\(name) \(attributes)>\(text)\(children.map(\.description).joined())</\(name)>"
    }
}

/// The TwiML document of a webhook response, parsed as XML (which also proves it is well-formed
/// and escaped).
func twiml(_ response: WebhookResponse) throws -> TwiMLElement {
    #expect(response.status == 200)
    #expect(response.headers["Content-Type"] == "text/xml; charset=utf-8")
    let document = try XMLDocument(data: response.body, options: [])
    guard let root = document.rootElement() else {
        throw TestFailure(description: "no root element in \(String(decoding: response.body, as: UTF8.self))")
    }
    return element(root)
}

/// The TwiML document of a rendered reply.
func twiml(_ delivery: Delivery) throws -> TwiMLElement {
    guard case .webhookReply(let response) = delivery else {
        throw TestFailure(description: "expected a webhook reply, got \(delivery)")
    }
    return try twiml(response)
}

private func element(_ node: XMLElement) -> TwiMLElement {
    var attributes: [String: String] = [:]
    for attribute in node.attributes ?? [] {
        if let name = attribute.name {
            attributes[name] = attribute.stringValue ?? ""
        }
    }
    let children = (node.children ?? []).compactMap { $0 as? XMLElement }.map(element)
    let text = children.isEmpty ? (node.stringValue ?? "") : ""
    return TwiMLElement(name: node.name ?? "", attributes: attributes, text: text, children: children)
}

/// The body of a response as text.
func bodyText(_ response: WebhookResponse) -> String {
    String(decoding: response.body, as: UTF8.self)
}

/// The one ignored event among `events`, by its reason.
func onlyIgnored(_ events: [InboundEvent]) throws -> String {
    guard events.count == 1, case .ignored(let reason) = events[0] else {
        throw TestFailure(description: "expected one ignored event, got \(events)")
    }
    return reason
}

/// The one usage report among `events`.
func onlyUsage(_ events: [InboundEvent]) throws -> UsageReport {
    guard events.count == 1, case .usage(let report) = events[0] else {
        throw TestFailure(description: "expected one usage report, got \(events)")
    }
    return report
}
