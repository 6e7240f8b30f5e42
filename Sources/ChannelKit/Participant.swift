/// A person on the far side of a channel, as the channel identifies them.
///
/// Only ``channelUserID`` is always present. Phone and email are what the channel itself proves
/// (the sender's number on SMS, the From address of an email) or what the person volunteered;
/// the brain normalizes them and uses them to link the same customer across channels.
public struct Participant: Hashable, Codable, Sendable {
    /// The sender's id on this channel: a phone number, a chat id, an email address, a visitor id.
    public var channelUserID: String
    /// The name the channel shows for the person, if any. Never used to link customers.
    public var displayName: String?
    /// The person's phone number as the channel gave it (not yet normalized).
    public var phone: String?
    /// The person's email address as the channel gave it (not yet normalized).
    public var email: String?

    public init(channelUserID: String, displayName: String? = nil, phone: String? = nil, email: String? = nil) {
        self.channelUserID = channelUserID
        self.displayName = displayName
        self.phone = phone
        self.email = email
    }
}
