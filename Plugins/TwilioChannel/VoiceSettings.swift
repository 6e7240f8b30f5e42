import ChannelKit

/// The validated configuration of one voice channel (a Twilio number whose calls the assistant
/// answers).
///
/// Built from the channel's entry in the configuration file by ``init(configuration:)``, which
/// documents the keys it reads. Every text is said by Twilio's `<Say>` in ``voice`` and
/// ``language``, so write them in the language the callers speak.
public struct VoiceSettings: Hashable, Sendable {
    /// The `<Say>` voice used when `voice` is absent: Amazon Polly's US English Joanna.
    public static let defaultVoice = "Polly.Joanna"
    /// The language used when `language` is absent.
    public static let defaultLanguage = "en-US"
    /// What the caller hears first when `greeting` is absent.
    public static let defaultGreeting = "Hello, thanks for calling! How can I help you today?"
    /// What is said after the caller's first silence when `repromptText` is absent.
    public static let defaultRepromptText = "Sorry, I didn't catch that. What can I help you with?"
    /// The goodbye used when `farewell` is absent.
    public static let defaultFarewell = "Thanks for calling. Goodbye!"
    /// The invitation to leave a message used when `takeMessageText` is absent.
    public static let defaultTakeMessageText = "Please leave a short message with your name and what you need after this, and we'll get back to you."
    /// The thanks after a message used when `messageTakenText` is absent.
    public static let defaultMessageTakenText = "Thank you, we've got your message and will get back to you soon. Goodbye!"
    /// The seconds the caller has to start speaking when `speechTimeoutSeconds` is absent.
    public static let defaultSpeechTimeoutSeconds = 5
    /// The values `speechTimeoutSeconds` may take.
    public static let speechTimeoutRange = 1...30
    /// The longest spoken answer when `maxSpokenCharacters` is absent.
    public static let defaultMaxSpokenCharacters = 600
    /// The values `maxSpokenCharacters` may take.
    public static let maxSpokenCharactersRange = 100...1_000

    /// The account's SID (`AC` and 32 hex digits); webhooks for other accounts are ignored.
    public let accountSid: String
    /// The account's auth token: the key Twilio signs webhooks with.
    public let authToken: Secret
    /// The `<Say>` voice (`Polly.Joanna`, `Google.en-US-Standard-C`, `alice`…).
    public let voice: String
    /// The BCP-47 language of `<Say>` and of speech recognition in `<Gather>` (`en-US`, `es-ES`).
    public let language: String
    /// What the caller hears when the call is answered.
    public let greeting: String
    /// What the caller hears after saying nothing once; a second silence ends the call.
    public let repromptText: String
    /// What the caller hears before the gateway hangs up: after a goodbye, a second silence, or a
    /// transfer that ended.
    public let farewell: String
    /// The staff number in E.164 a handoff transfers the call to; nil to take a message instead.
    public let humanNumber: String?
    /// Said after the handoff text when there is no ``humanNumber`` (or nobody answered it): asks
    /// the caller to leave a message.
    public let takeMessageText: String
    /// Said after the caller left a message, before hanging up.
    public let messageTakenText: String
    /// How long `<Gather>` waits for the caller to start speaking, in seconds (its `timeout`).
    public let speechTimeoutSeconds: Int
    /// The longest answer said in one turn, in characters; longer answers are cut at a sentence.
    public let maxSpokenCharacters: Int
}
