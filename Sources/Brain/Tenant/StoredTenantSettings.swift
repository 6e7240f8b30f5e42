import Foundation

/// What the admin API stored for a tenant, over its configuration: the assistant (with its model
/// settings) and the knowledge base, each only once an admin has edited it. From then on the
/// stored version is the tenant's; the configuration's is the starting point only.
public struct StoredTenantSettings: Sendable, Hashable {
    public var tenantID: String
    /// The assistant and its model settings, when edited through the API.
    public var assistant: StoredAssistant?
    public var assistantUpdatedAt: Date?
    /// The whole knowledge base in order, when edited through the API (possibly empty).
    public var knowledgeBase: [KnowledgeEntry]?
    public var knowledgeUpdatedAt: Date?

    public init(tenantID: String, assistant: StoredAssistant? = nil, assistantUpdatedAt: Date? = nil,
                knowledgeBase: [KnowledgeEntry]? = nil, knowledgeUpdatedAt: Date? = nil) {
        self.tenantID = tenantID
        self.assistant = assistant
        self.assistantUpdatedAt = assistantUpdatedAt
        self.knowledgeBase = knowledgeBase
        self.knowledgeUpdatedAt = knowledgeUpdatedAt
    }

    func apply(to profile: inout TenantProfile) {
        if let assistant {
            profile.assistant = assistant.profile
            profile.modelPolicy = assistant.modelPolicy
        }
        if let knowledgeBase { profile.knowledgeBase = knowledgeBase }
    }
}

/// An assistant as stored: its profile and which model it may use (nil follows the gateway's
/// `llm` settings).
public struct StoredAssistant: Sendable, Hashable {
    public var profile: AssistantProfile
    public var modelPolicy: TenantModelPolicy?

    public init(profile: AssistantProfile, modelPolicy: TenantModelPolicy?) {
        self.profile = profile
        self.modelPolicy = modelPolicy
    }
}
