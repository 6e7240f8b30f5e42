import ChannelKit

extension PromptBuilder {
    /// How answers must be shaped on a channel kind, as told to the model.
    ///
    /// Voice is spoken by a phone voice, so it gets no markup, no URLs and numbers said aloud;
    /// SMS is plain and short; email is a letter; messaging apps and the web chat allow light
    /// formatting.
    public static func channelRules(for kind: ChannelKind, businessName: String) -> [String] {
        switch kind {
        case .voice:
            return [
                "Your reply will be read aloud to a caller on the phone.",
                "Answer in one to three short sentences that sound natural when spoken.",
                "Use no markup at all: no markdown, lists, emoji, symbols or headings.",
                "Never say a URL or an email address; tell the caller where to find things instead.",
                "Say numbers, prices, dates and times the way a person says them aloud (\"half past nine\", \"twelve fifty\").",
            ]
        case .sms:
            return [
                "Your reply is sent as a text message (SMS).",
                "Plain text only: no markdown, no lists, no emoji.",
                "Keep it to 320 characters or fewer.",
            ]
        case .email:
            return [
                "Your reply is sent as an email.",
                "Start with a short greeting (with the customer's name when you know it) and end with a sign-off from \(businessName).",
                "Write in short paragraphs separated by blank lines; plain text, no markdown tables or headings.",
            ]
        case .telegram, .whatsapp, .instagram, .webchat, .api:
            return [
                "Your reply is a chat message (\(kind.rawValue)).",
                "Keep it short: a few sentences.",
                "Light formatting such as a short list or a bold word is fine when it helps; no tables or headings.",
            ]
        }
    }
}
