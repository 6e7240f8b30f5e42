/// The limits of Instagram messages sent through the Graph API, from Meta's Send API reference.
public enum InstagramLimits {
    /// The longest text of one message: 1000 characters, and at most 1000 bytes of UTF-8.
    public static let maxTextLength = 1000
    /// The most UTF-8 bytes of text one message may carry.
    public static let maxTextBytes = 1000
    /// The most quick replies one message may carry.
    public static let maxQuickReplies = 13
    /// The longest quick reply title Instagram shows (longer ones are cut).
    public static let maxQuickReplyTitleLength = 20
}
