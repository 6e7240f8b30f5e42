/// The body of SendGrid's v3 Mail Send request (`POST /v3/mail/send`), as far as replies use it.
struct SendGridMail: Encodable, Sendable {
    /// An address with an optional name.
    struct Address: Encodable, Sendable {
        var email: String
        var name: String?
    }

    /// One set of recipients.
    struct Personalization: Encodable, Sendable {
        var to: [Address]
    }

    /// One body, by MIME type; `text/plain` must come before `text/html`.
    struct Content: Encodable, Sendable {
        var type: String
        var value: String
    }

    var personalizations: [Personalization]
    var from: Address
    var replyTo: Address?
    var subject: String
    var content: [Content]
    var headers: [String: String]?
    var customArgs: [String: String]

    enum CodingKeys: String, CodingKey {
        case personalizations, from, subject, content, headers
        case replyTo = "reply_to"
        case customArgs = "custom_args"
    }
}
