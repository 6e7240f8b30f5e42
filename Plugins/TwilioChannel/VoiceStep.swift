import ChannelKit

/// Where in a call a webhook request comes from, read from the query parameters the adapter puts
/// in the `action` URLs of its own TwiML (so Twilio signs them with the rest of the URL).
///
/// | query | step |
/// |---|---|
/// | none | ``incoming`` (or a status callback, by its `CallStatus`) |
/// | `step=gather&turn=N` | ``gather(turn:silences:)``, the caller's answer to turn N |
/// | `step=gather&turn=N&silence=1` | the same turn after one silence |
/// | `step=message` | ``message``, a message left after a handoff |
/// | `step=dialed` | ``dialed``, a transfer to staff ended |
/// | `step=status` | ``status``, the number's call status callback |
public enum VoiceStep: Hashable, Sendable {
    /// Twilio's first request for a call: the number's voice webhook.
    case incoming
    /// What the caller said (or did not say) on turn `turn`, after `silences` earlier silences.
    case gather(turn: Int, silences: Int)
    /// The message a caller left after a handoff without a staff number.
    case message
    /// The end of a `<Dial>` to the staff number (`DialCallStatus`).
    case dialed
    /// A call status callback (`CallStatus`, `CallDuration`).
    case status

    /// The query parameters of the action URLs.
    public enum Parameter {
        /// `gather`, `message`, `dialed` or `status`; absent on the incoming call.
        public static let step = "step"
        /// The turn a `gather` step answers, from 1.
        public static let turn = "turn"
        /// `1` when the turn was asked again after a silence.
        public static let silence = "silence"
    }

    /// The step a request is at, by its query.
    ///
    /// - Throws: 400 `malformed_payload` for an unknown `step` or a `turn` that is not a positive
    ///   integer (the adapter never writes such URLs).
    public init(query request: WebhookRequest) throws(WebhookError) {
        switch request.query(Parameter.step) {
        case nil, ""?:
            self = .incoming
        case "gather"?:
            let turnText = request.query(Parameter.turn) ?? "1"
            guard let turn = Int(turnText), turn > 0 else {
                throw WebhookError.malformed("the query parameter \(Parameter.turn) must be a positive integer")
            }
            let silences = Int(request.query(Parameter.silence) ?? "0") ?? 0
            self = .gather(turn: turn, silences: max(0, silences))
        case "message"?:
            self = .message
        case "dialed"?:
            self = .dialed
        case "status"?:
            self = .status
        case let other?:
            throw WebhookError.malformed("the query parameter \(Parameter.step) has an unknown value \"\(other.prefix(20))\"")
        }
    }

    /// The query string leading to this step, without `?`; empty for ``incoming``.
    public var query: String {
        switch self {
        case .incoming: ""
        case .gather(let turn, let silences):
            "\(Parameter.step)=gather&\(Parameter.turn)=\(turn)" + (silences > 0 ? "&\(Parameter.silence)=\(silences)" : "")
        case .message: "\(Parameter.step)=message"
        case .dialed: "\(Parameter.step)=dialed"
        case .status: "\(Parameter.step)=status"
        }
    }

    /// The URL of this step on the webhook at `path` (a path, resolved by Twilio against the
    /// URL it called, so scheme and host stay the ones configured at Twilio).
    public func url(path: String) -> String {
        query.isEmpty ? path : path + "?" + query
    }

    /// The path of an absolute URL, without its query or fragment (`/` when it has none); nil
    /// when `url` is not absolute.
    static func path(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let afterAuthority = url[schemeEnd.upperBound...].drop { !"/?#".contains($0) }
        let path = afterAuthority.prefix { $0 != "?" && $0 != "#" }
        return path.isEmpty ? "/" : String(path)
    }
}
