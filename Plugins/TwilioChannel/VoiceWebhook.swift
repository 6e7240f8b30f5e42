import ChannelKit
import Foundation

/// One of Twilio's Voice webhooks, read: its form fields, the ``VoiceStep`` it is at and the
/// path of the URL Twilio called.
///
/// Every request carries `CallSid`, `AccountSid`, `From`, `To`, `CallStatus`, `Direction`,
/// `ApiVersion` (and `Caller`, `Called`, geographic fields); a `<Gather>` result adds
/// `SpeechResult` and `Confidence`, a `<Dial>` result `DialCallStatus`, a status callback
/// `CallDuration` and `Timestamp`.
struct VoiceWebhook: Sendable {
    /// The call statuses that end a call: a request with one of them and no `step` is a status
    /// callback.
    static let endedStatuses: Set<String> = ["completed", "busy", "failed", "no-answer", "canceled"]
    /// What Twilio puts in `From` when the caller's number is hidden or unknown: the words, or
    /// their keypad spellings (ANONYMOUS, RESTRICTED, BLOCKED, UNAVAILABLE).
    static let anonymousCallers: Set<String> = [
        "anonymous", "restricted", "blocked", "unavailable", "unknown", "private",
        "+266696687", "+7378742833", "+2562533", "+86282452253",
    ]

    /// The form fields, first value of each name.
    let fields: [String: String]
    /// Where in the call the request is.
    let step: VoiceStep
    /// The path of the URL Twilio called, for the next step's action URL.
    let actionPath: String

    /// Reads a verified request.
    ///
    /// - Parameter fallbackPath: the path used when the request's public URL is not absolute.
    /// - Throws: 400 `malformed_payload` for a body that is not a form or an unknown step.
    init(_ request: WebhookRequest, fallbackPath: String) throws(WebhookError) {
        let fields = FormFields.firstValues(try FormFields.decode(request.body))
        var step = try VoiceStep(query: request)
        if step == .incoming, let status = fields["CallStatus"]?.lowercased(), Self.endedStatuses.contains(status) {
            step = .status
        }
        self.fields = fields
        self.step = step
        self.actionPath = VoiceStep.path(of: request.publicURL) ?? fallbackPath
    }

    /// Whether the webhook belongs to another Twilio account than `accountSid`.
    func isForeign(to accountSid: String) -> Bool {
        guard let account = fields["AccountSid"], !account.isEmpty else { return false }
        return account != accountSid
    }

    /// What the caller said (`SpeechResult`), trimmed; nil when they said nothing.
    var speech: String? {
        guard let text = fields["SpeechResult"]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }

    /// The events of the webhook (see ``VoiceChannelAdapter/parse(_:)``).
    ///
    /// - Throws: 400 `malformed_payload` naming a missing `CallSid` or `From`, or an invalid
    ///   `CallDuration`.
    func events(farewell: String, now: Date) throws(WebhookError) -> [InboundEvent] {
        let callSid = try require("CallSid")
        switch step {
        case .incoming:
            var metadata = messageMetadata(callSid: callSid, turn: "0")
            metadata[VoiceMetadataKey.callStarted] = "true"
            return [.message(try message(id: "\(callSid):start", callSid: callSid, text: "", metadata: metadata, now: now))]
        case .gather(let turn, _):
            guard let speech else { return [.ignored(reason: "silence on turn \(turn)")] }
            var metadata = messageMetadata(callSid: callSid, turn: String(turn))
            if VoiceGoodbye.isGoodbye(speech) {
                metadata[VoiceMetadataKey.closingReply] = farewell
            }
            return [.message(try message(id: "\(callSid):\(turn)", callSid: callSid, text: speech, metadata: metadata, now: now))]
        case .message:
            guard let speech else { return [.ignored(reason: "the caller left no message")] }
            let metadata = messageMetadata(callSid: callSid, turn: "message")
            return [.message(try message(id: "\(callSid):message", callSid: callSid, text: speech, metadata: metadata, now: now))]
        case .dialed:
            let status = fields["DialCallStatus"] ?? "unknown"
            return [.ignored(reason: "the transfer to staff ended: \(status.prefix(20))")]
        case .status:
            return [try usage(callSid: callSid, now: now)]
        }
    }

    /// The caller, by `From`: their number as channel user id and phone (a `client:` or `sip:`
    /// caller has no phone); a hidden number is a caller of this call only (`anonymous:CA…`), so
    /// hidden callers are not all one customer.
    func caller(callSid: String) throws(WebhookError) -> Participant {
        let from = try require("From")
        let name = fields["CallerName"].flatMap { $0.isEmpty ? nil : $0 }
        guard !Self.anonymousCallers.contains(from.lowercased()) else {
            return Participant(channelUserID: "anonymous:\(callSid)", displayName: name)
        }
        return Participant(channelUserID: from, displayName: name, phone: SMSSettings.isE164(from) ? from : nil)
    }

    private func message(id: String, callSid: String, text: String, metadata: [String: String], now: Date) throws(WebhookError) -> InboundMessage {
        InboundMessage(
            providerMessageID: id,
            sender: try caller(callSid: callSid),
            threadKey: callSid,
            text: text,
            timestamp: now,
            metadata: metadata
        )
    }

    private func messageMetadata(callSid: String, turn: String) -> [String: String] {
        var metadata = [VoiceMetadataKey.callSid: callSid, VoiceMetadataKey.turn: turn, VoiceMetadataKey.actionPath: actionPath]
        metadata[VoiceMetadataKey.to] = fields["To"].flatMap { $0.isEmpty ? nil : $0 }
        if speech != nil, let confidence = fields["Confidence"], Double(confidence) != nil {
            metadata[VoiceMetadataKey.confidence] = confidence
        }
        return metadata
    }

    /// The minutes a finished call is billed: `CallDuration` seconds, per started minute.
    private func usage(callSid: String, now: Date) throws(WebhookError) -> InboundEvent {
        let status = fields["CallStatus"]?.lowercased() ?? ""
        guard Self.endedStatuses.contains(status) else {
            return .ignored(reason: "call status \"\(status.prefix(20))\" is not tracked")
        }
        let seconds: Int
        if let text = fields["CallDuration"], !text.isEmpty {
            guard let value = Int(text), value >= 0 else {
                throw WebhookError.malformed("CallDuration must be a whole number of seconds")
            }
            seconds = value
        } else {
            seconds = 0
        }
        guard seconds > 0 else { return .ignored(reason: "the call ended (\(status)) with nothing billed") }
        let minutes = (seconds + 59) / 60
        let timestamp = fields["Timestamp"].flatMap(Self.date(rfc2822:)) ?? now
        return .usage(UsageReport(reference: callSid, usage: [ChannelUsage(kind: .voiceMinute, quantity: minutes)], timestamp: timestamp))
    }

    /// A date in RFC 2822 form, as in status callbacks' `Timestamp` (`Tue, 08 Jul 2025 10:15:42 +0000`).
    static func date(rfc2822 text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        for format in ["EEE, dd MMM yyyy HH:mm:ss Z", "dd MMM yyyy HH:mm:ss Z"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    private func require(_ name: String) throws(WebhookError) -> String {
        guard let value = fields[name], !value.isEmpty else {
            throw WebhookError.malformed("the webhook has no \(name)")
        }
        return value
    }
}
