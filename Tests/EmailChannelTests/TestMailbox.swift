import ChannelKit
import Crypto
import EmailChannel
import Foundation
import Testing

/// The channel the tests configure: a SendGrid account, a sender and an Inbound Parse host.
enum TestMailbox {
    static let ref = ChannelRef(tenantID: "bakery", channelID: "bakery-email", kind: .email)
    static let fromAddress = "help@bakery.example"
    static let apiKey = Secret("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")
    static let inboundSecret = Secret("3f9c1e7a5b2d4f6e8a0c")
    /// The Event Webhook's signing key, as SendGrid would hold it (kept as bytes: keys are not Sendable).
    static let signingKeyBytes = P256.Signing.PrivateKey().rawRepresentation
    static var signingKey: P256.Signing.PrivateKey {
        (try? P256.Signing.PrivateKey(rawRepresentation: signingKeyBytes)) ?? P256.Signing.PrivateKey()
    }
    /// Fixed "now" of the tests: 2025-06-03T04:43:30Z.
    static let now = Date(timeIntervalSince1970: 1_748_925_810)

    /// A valid configuration, changed by `settings` (a nil value removes the key) and `secrets`.
    static func configuration(settings overrides: [String: JSONValue?] = [:], secrets: [String: Secret]? = nil) -> ChannelConfiguration {
        var settings: [String: JSONValue] = [
            "fromAddress": .string(fromAddress),
            "fromName": .string("Bella's Bakery"),
            "eventWebhookPublicKey": .string(signingKey.publicKey.derRepresentation.base64EncodedString()),
        ]
        for (key, value) in overrides {
            settings[key] = value
        }
        return ChannelConfiguration(ref: ref, settings: settings, secrets: secrets ?? ["apiKey": apiKey, "inboundSecret": inboundSecret])
    }

    static func adapter(settings: [String: JSONValue?] = [:], secrets: [String: Secret]? = nil, now: Date = now) throws -> SendGridEmailAdapter {
        try SendGridEmailAdapter(configuration: configuration(settings: settings, secrets: secrets), now: { now })
    }

    /// An Inbound Parse post of `fields` to the secret path.
    static func inboundPost(_ fields: [FormField], subpath: String = "/\(inboundSecret.value)", boundary: String = "xYzZY") -> WebhookRequest {
        WebhookRequest(
            method: "POST",
            subpath: subpath,
            headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)", "User-Agent": "Sendlib/1.0"],
            body: multipartBody(fields, boundary: boundary),
            publicURL: "https://gw.example.com/webhooks/bakery-email\(subpath)"
        )
    }

    /// An Event Webhook post of `body`, signed at `timestamp` with ``signingKey`` unless
    /// `signature` is given ("" for no header).
    static func eventPost(_ body: String, timestamp: String = "1748925800", signature: String? = nil) -> WebhookRequest {
        var headers: HeaderFields = ["Content-Type": "application/json", "User-Agent": "SendGrid Event API"]
        let value = signature ?? sign(body, timestamp: timestamp)
        if !value.isEmpty { headers["X-Twilio-Email-Event-Webhook-Signature"] = value }
        if !timestamp.isEmpty { headers["X-Twilio-Email-Event-Webhook-Timestamp"] = timestamp }
        return WebhookRequest(method: "POST", subpath: "/events", headers: headers, body: Data(body.utf8))
    }

    /// SendGrid's signature: base64 DER ECDSA P-256 with SHA-256 over timestamp + body.
    static func sign(_ body: String, timestamp: String, key: P256.Signing.PrivateKey = signingKey) -> String {
        (try? key.signature(for: Data((timestamp + body).utf8)).derRepresentation.base64EncodedString()) ?? ""
    }
}

/// A form field as SendGrid posts it: a value, or a file with a name and type.
struct FormField {
    var name: String
    var bytes: [UInt8]
    var filename: String?
    var contentType: String?

    static func text(_ name: String, _ value: String) -> FormField {
        FormField(name: name, bytes: Array(value.utf8))
    }

    static func bytes(_ name: String, _ bytes: [UInt8]) -> FormField {
        FormField(name: name, bytes: bytes)
    }

    static func file(_ name: String, filename: String, type: String, _ bytes: [UInt8]) -> FormField {
        FormField(name: name, bytes: bytes, filename: filename, contentType: type)
    }
}

/// A `multipart/form-data` body, byte for byte as SendGrid writes it: CRLF line ends, a
/// `Content-Disposition` per part, a `Content-Type` for files only, the closing boundary last.
func multipartBody(_ fields: [FormField], boundary: String = "xYzZY") -> Data {
    var body: [UInt8] = []
    for field in fields {
        var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field.name)\""
        if let filename = field.filename { head += "; filename=\"\(filename)\"" }
        head += "\r\n"
        if let type = field.contentType { head += "Content-Type: \(type)\r\n" }
        head += "\r\n"
        body += Array(head.utf8) + field.bytes + Array("\r\n".utf8)
    }
    body += Array("--\(boundary)--\r\n".utf8)
    return Data(body)
}

/// Text with LF line ends made CRLF, as mail travels.
func crlf(_ text: String) -> String {
    text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
}

/// ChannelKit's attachment, not Swift Testing's.
typealias Attachment = ChannelKit.Attachment

/// A test expectation about data that did not hold.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
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

/// The one request of a provider-API delivery.
func onlyRequest(_ delivery: Delivery) throws -> ProviderRequest {
    guard case .providerAPI(let requests) = delivery, requests.count == 1 else {
        throw TestFailure(description: "expected one provider-API request, got \(delivery)")
    }
    return requests[0]
}

/// A JSON body decoded as a dictionary tree.
func jsonObject(_ data: Data) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}
