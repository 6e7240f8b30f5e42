import ChannelKit

/// The validated configuration of one WhatsApp channel (one business phone number).
///
/// Built from the channel's entry in the configuration file by ``init(configuration:)``, which
/// documents the keys it reads.
public struct WhatsAppSettings: Hashable, Sendable {
    /// The `maxTextLength` used when the setting is absent: WhatsApp's limit for a text body.
    public static let defaultMaxTextLength = WhatsAppLimits.maxTextLength
    /// The values `maxTextLength` may take.
    public static let maxTextLengthRange = 1...WhatsAppLimits.maxTextLength
    /// The label of the button that opens an options list, when `listButtonText` is absent.
    public static let defaultListButtonText = "Options"

    /// The Meta app's secrets and Graph API location.
    public let app: MetaAppSettings
    /// The business phone number's id (not the number itself), as WhatsApp Manager shows it.
    public let phoneNumberID: String
    /// The longest text one message carries; longer replies are split.
    public let maxTextLength: Int
    /// The template sent when the customer service window is closed, if any.
    public let template: WhatsAppTemplate?
    /// The label of the button that opens an options list (at most 20 characters).
    public let listButtonText: String
    /// Whether marking a message as read also shows the customer a typing indicator.
    public let showsTypingIndicator: Bool
}
