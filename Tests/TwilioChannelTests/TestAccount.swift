import ChannelKit
import Foundation
import Testing
import TwilioChannel

/// The channel the tests configure: a Twilio account, its auth token and a sending number.
enum TestAccount {
    static let ref = ChannelRef(tenantID: "bakery", channelID: "bakery-sms", kind: .sms)
    static let accountSid = "AC0123456789abcdef0123456789abcdef"
    static let authToken = Secret("f2a4c6e8b0d1f3a5c7e9b1d3f5a7c9e1")
    static let fromNumber = "+14155550100"
    static let serviceSid = "MG0123456789abcdef0123456789abcdef"
    /// The public URL Twilio is configured to call.
    static let webhookURL = "https://gw.example.com/webhooks/bakery-sms"

    /// A valid configuration, changed by `settings` (a nil value removes the key).
    static func configuration(settings overrides: [String: JSONValue?] = [:], secrets: [String: Secret]? = nil) -> ChannelConfiguration {
        var settings: [String: JSONValue] = ["accountSid": .string(accountSid), "fromNumber": .string(fromNumber)]
        for (key, value) in overrides {
            settings[key] = value
        }
        return ChannelConfiguration(ref: ref, settings: settings, secrets: secrets ?? ["authToken": authToken])
    }

    static func adapter(settings: [String: JSONValue?] = [:]) throws -> SMSChannelAdapter {
        try SMSChannelAdapter(configuration: configuration(settings: settings))
    }

    /// A webhook POST of `fields` as Twilio sends it, signed over `url` unless `signature` is given
    /// (pass "" for no header).
    static func webhook(_ fields: [(String, String)], url: String = webhookURL, signature: String? = nil) -> WebhookRequest {
        let parameters = fields.map { (name: $0.0, value: $0.1) }
        var headers: HeaderFields = ["Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"]
        let value = signature ?? TwilioSignature.compute(url: url, parameters: parameters, authToken: authToken)
        if !value.isEmpty {
            headers["X-Twilio-Signature"] = value
        }
        return WebhookRequest(method: "POST", headers: headers, body: formBody(fields), publicURL: url)
    }
}

/// Encodes fields as Twilio does: unreserved characters kept, spaces as `+`, the rest `%XX`.
func formBody(_ fields: [(String, String)]) -> Data {
    var allowed = CharacterSet()
    allowed.insert(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~ ")
    func encode(_ text: String) -> String {
        (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text).replacingOccurrences(of: " ", with: "+")
    }
    return Data(fields.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&").utf8)
}

/// Real webhook forms, shaped as in Twilio's documentation.
enum Webhooks {
    static let messageSid = "SM1f0e8ae6ade43cb3c0ce4525424e404f"

    /// An incoming SMS saying `body`.
    static func sms(_ body: String = "Hello there") -> [(String, String)] {
        [
            ("ToCountry", "US"), ("SmsMessageSid", messageSid), ("NumMedia", "0"), ("From", "+14155550123"),
            ("To", TestAccount.fromNumber), ("Body", body), ("MessageSid", messageSid),
            ("AccountSid", TestAccount.accountSid), ("SmsSid", messageSid), ("SmsStatus", "received"),
            ("NumSegments", "1"), ("ApiVersion", "2010-04-01"),
        ]
    }

    /// An incoming MMS with two pictures.
    static let mms: [(String, String)] = [
        ("MessageSid", "MM800f449d0399ed014aae2bcc0cc2f2ec"), ("AccountSid", TestAccount.accountSid),
        ("From", "+14155550123"), ("To", TestAccount.fromNumber), ("Body", "Is this cake available?"),
        ("NumMedia", "2"),
        ("MediaContentType0", "image/jpeg"),
        ("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/\(TestAccount.accountSid)/Messages/MM800f449d0399ed014aae2bcc0cc2f2ec/Media/ME0123456789abcdef0123456789abcdef"),
        ("MediaContentType1", "video/mp4"),
        ("MediaUrl1", "https://api.twilio.com/2010-04-01/Accounts/\(TestAccount.accountSid)/Messages/MM800f449d0399ed014aae2bcc0cc2f2ec/Media/MEfedcba9876543210fedcba9876543210"),
        ("ApiVersion", "2010-04-01"),
    ]

    /// A status callback for a message the gateway sent.
    static func status(_ status: String, errorCode: String? = nil) -> [(String, String)] {
        var fields: [(String, String)] = [
            ("SmsSid", "SM5c3e2b4e3f0a4b2c8d1e7f6a9b0c1d2e"), ("SmsStatus", status), ("MessageStatus", status),
            ("To", "+14155550123"), ("MessageSid", "SM5c3e2b4e3f0a4b2c8d1e7f6a9b0c1d2e"),
            ("AccountSid", TestAccount.accountSid), ("From", TestAccount.fromNumber), ("ApiVersion", "2010-04-01"),
        ]
        if let errorCode {
            fields.append(("ErrorCode", errorCode))
        }
        return fields
    }
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

/// The one receipt among `events`.
func onlyReceipt(_ events: [InboundEvent]) throws -> DeliveryReceipt {
    guard events.count == 1, case .receipt(let receipt) = events[0] else {
        throw TestFailure(description: "expected one receipt, got \(events)")
    }
    return receipt
}

/// The one request of a provider-API delivery.
func onlyRequest(_ delivery: Delivery) throws -> ProviderRequest {
    guard case .providerAPI(let requests) = delivery, requests.count == 1 else {
        throw TestFailure(description: "expected one provider-API request, got \(delivery)")
    }
    return requests[0]
}

/// The fields of a form body, decoded (`+` is a space), in order.
func formFields(_ body: Data) -> [(name: String, value: String)] {
    String(decoding: body, as: UTF8.self).split(separator: "&").map { pair in
        let halves = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
        }
        return (halves[0], halves.count > 1 ? halves[1] : "")
    }
}

/// The first value of a form field.
func formField(_ name: String, in body: Data) -> String? {
    formFields(body).first { $0.name == name }?.value
}

extension SMSChannelAdapter {
    /// Parses a webhook posted by Twilio with `fields`.
    func parse(fields: [(String, String)]) throws(WebhookError) -> [InboundEvent] {
        try parse(TestAccount.webhook(fields))
    }
}
