import APIChannel
import ChannelKit
import Foundation

/// The channel the tests configure, with the secret and bodies docs/API_CHANNEL.md shows.
enum TestChannel {
    static let ref = ChannelRef(tenantID: "acme", channelID: "acme-api", kind: .api)
    static let callbackURL = "https://integrator.example/replies"
    static let secret = Secret("demo-signing-secret")

    /// The inbound example of docs/API_CHANNEL.md and its signature, computed with Python's hmac.
    static let documentedBody = #"{"id":"msg-1001","from":{"id":"customer-42","name":"Ada Lovelace","phone":"+14155550123"},"text":"Hello, where is my order?"}"#
    static let documentedSignature = "sha256=7572be21e7847661526b0e20c7a191f3fb8f75a3855ee64f283d4593b583e101"

    /// The settings of a valid channel, changed by `settings`.
    static func configuration(
        settings: [String: JSONValue] = [:],
        secrets: [String: Secret]? = nil
    ) -> ChannelConfiguration {
        var all: [String: JSONValue] = ["callbackURL": .string(callbackURL)]
        all.merge(settings) { _, new in new }
        return ChannelConfiguration(ref: ref, settings: all, secrets: secrets ?? ["signingSecret": secret])
    }

    static func adapter(maxTextLength: Int? = nil) throws -> APIChannelAdapter {
        let settings: [String: JSONValue] = maxTextLength.map { ["maxTextLength": .number(Double($0))] } ?? [:]
        return try APIChannelAdapter(configuration: configuration(settings: settings))
    }

    /// A POST of `body`, signed with the channel's secret as an integrator would.
    static func signedRequest(_ body: String, contentType: String? = "application/json") -> WebhookRequest {
        let data = Data(body.utf8)
        var headers: HeaderFields = ["X-Signature": "sha256=" + Signature.hmacSHA256Hex(key: secret, data: data)]
        if let contentType { headers["Content-Type"] = contentType }
        return WebhookRequest(method: "POST", headers: headers, body: data)
    }

    /// A POST of `body` with the `X-Signature` value given (nil: none).
    static func request(_ body: String, signature: String?) -> WebhookRequest {
        var headers: HeaderFields = ["Content-Type": "application/json"]
        if let signature { headers["X-Signature"] = signature }
        return WebhookRequest(method: "POST", headers: headers, body: Data(body.utf8))
    }
}

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

extension APIChannelAdapter {
    /// Parses a request signed and shaped as an integrator sends it.
    func parse(signed body: String) throws(WebhookError) -> [InboundEvent] {
        try parse(TestChannel.signedRequest(body))
    }
}
