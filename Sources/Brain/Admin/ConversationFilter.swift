/// Which of a tenant's conversations a list shows.
public struct ConversationFilter: Sendable, Hashable {
    public enum Owner: String, Sendable, Hashable {
        /// The assistant answers.
        case assistant
        /// A human owns it or is about to (waiting or assigned).
        case human
    }

    public var status: ConversationStatus?
    public var channelID: String?
    public var owner: Owner?

    public init(status: ConversationStatus? = nil, channelID: String? = nil, owner: Owner? = nil) {
        self.status = status
        self.channelID = channelID
        self.owner = owner
    }
}
