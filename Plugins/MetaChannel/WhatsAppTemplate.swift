/// A pre-approved WhatsApp message template, sent instead of a free-form reply when the customer
/// service window is closed. It carries no variables: it invites the customer to write again,
/// which opens a new window.
public struct WhatsAppTemplate: Hashable, Sendable {
    /// The language used when the configuration names none.
    public static let defaultLanguage = "en_US"

    /// The template's name as approved in WhatsApp Manager (`reopen_conversation`).
    public var name: String
    /// The template's language code (`en_US`).
    public var language: String

    public init(name: String, language: String = WhatsAppTemplate.defaultLanguage) {
        self.name = name
        self.language = language
    }
}
