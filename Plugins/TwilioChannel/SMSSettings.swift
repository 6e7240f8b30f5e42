import ChannelKit

/// The validated configuration of one SMS channel (a Twilio number or Messaging Service).
///
/// Built from the channel's entry in the configuration file by ``init(configuration:)``, which
/// documents the keys it reads.
public struct SMSSettings: Hashable, Sendable {
    /// Who the replies are sent from.
    public enum Sender: Hashable, Sendable {
        /// A Twilio phone number in E.164 (`From`).
        case number(String)
        /// A Messaging Service, which picks the number (`MessagingServiceSid`).
        case messagingService(String)
    }

    /// Twilio's REST API, used when `apiBaseURL` is absent.
    public static let defaultAPIBaseURL = "https://api.twilio.com"
    /// The reply budget used when `maxSegments` is absent.
    public static let defaultMaxSegments = 3
    /// The values `maxSegments` may take.
    public static let maxSegmentsRange = 1...10
    /// The help text used when `helpText` is absent.
    public static let defaultHelpText = "Reply to this number with your question and we will answer. Reply STOP to opt out, START to opt back in."

    /// The account's SID (`AC` and 32 hex digits); the user name of the API's Basic auth.
    public let accountSid: String
    /// The account's auth token: the password of the API's Basic auth and the key Twilio signs
    /// webhooks with.
    public let authToken: Secret
    /// The number or Messaging Service replies come from.
    public let sender: Sender
    /// Twilio's API base URL without a trailing slash (a fake provider in tests).
    public let apiBaseURL: String
    /// The most segments one reply may cost; longer replies are cut to fit.
    public let maxSegments: Int
    /// What to answer a customer who texts HELP or INFO, in the tenant's words.
    public let helpText: String
    /// Where Twilio should post delivery status callbacks for sent messages (`StatusCallback`);
    /// nil leaves it to the Messaging Service's or number's configuration.
    public let statusCallbackURL: String?
}
