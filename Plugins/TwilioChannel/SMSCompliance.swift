import Foundation

/// The carrier compliance keywords of SMS: a customer who texts one of them, alone, opts out,
/// opts back in, or asks for help.
///
/// The adapter marks such a message with ``SMSMetadataKey/compliance``; the gateway acts on it
/// (records the opt-out, stops sending, sends ``SMSSettings/helpText``). Matching ignores letter
/// case, surrounding whitespace and trailing punctuation (`" Stop."` is STOP), but the keyword
/// must be the whole message: "please stop the order" is an ordinary message.
public enum SMSCompliance: String, Hashable, Sendable, CaseIterable {
    /// The customer opts out: nothing more may be sent until they opt back in.
    case stop
    /// The customer opts back in.
    case start
    /// The customer asks for help: answer with the business's help text.
    case help

    /// The keywords of each action, upper-cased (Twilio's default opt-out handling uses these).
    public var keywords: Set<String> {
        switch self {
        case .stop: ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"]
        case .start: ["START", "UNSTOP", "YES"]
        case .help: ["HELP", "INFO"]
        }
    }

    /// The action `body` asks for, or nil when it is not a compliance keyword.
    public static func keyword(in body: String) -> SMSCompliance? {
        let word = body
            .trimmingCharacters(in: .whitespacesAndNewlines)
            .trimmingCharacters(in: CharacterSet(charactersIn: ".!?,;:"))
            .trimmingCharacters(in: .whitespacesAndNewlines)
            .uppercased()
        guard !word.isEmpty else { return nil }
        return allCases.first { $0.keywords.contains(word) }
    }
}
