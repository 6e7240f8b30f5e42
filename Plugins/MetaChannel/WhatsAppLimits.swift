/// The limits of WhatsApp's Cloud API messages, from Meta's message reference.
public enum WhatsAppLimits {
    /// The longest text message body.
    public static let maxTextLength = 4096
    /// The longest body of an interactive (buttons or list) message.
    public static let maxInteractiveBodyLength = 1024
    /// The most reply buttons one message may have.
    public static let maxReplyButtons = 3
    /// The longest reply button title.
    public static let maxButtonTitleLength = 20
    /// The longest reply button id (what comes back when it is tapped).
    public static let maxButtonIDLength = 256
    /// The most rows an options list may have (all sections together).
    public static let maxListRows = 10
    /// The longest list row title.
    public static let maxRowTitleLength = 24
    /// The longest list row id.
    public static let maxRowIDLength = 200
    /// The longest label of the button that opens a list.
    public static let maxListButtonText = 20
}
