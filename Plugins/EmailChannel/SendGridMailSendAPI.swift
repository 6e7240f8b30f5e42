import ChannelKit
import Foundation

/// Builds SendGrid v3 Mail Send calls: `POST {apiBaseURL}/v3/mail/send` with a JSON body and
/// `Authorization: Bearer {apiKey}`.
///
/// The Authorization header holds the API key: requests are never logged whole.
struct SendGridMailSendAPI: Sendable {
    /// The path of the Mail Send endpoint.
    static let path = "/v3/mail/send"

    let settings: EmailSettings

    /// The Mail Send URL.
    var url: String { settings.apiBaseURL + Self.path }

    /// A request sending `mail`.
    func send(_ mail: SendGridMail) throws(SendFailure) -> ProviderRequest {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body: Data
        do {
            body = try encoder.encode(mail)
        } catch {
            throw SendFailure(isRetryable: false, reason: "the email could not be encoded as JSON")
        }
        return ProviderRequest(
            method: "POST",
            url: url,
            headers: [
                "Authorization": "Bearer \(settings.apiKey.value)",
                "Content-Type": "application/json",
                "Accept": "application/json",
            ],
            body: body
        )
    }

    /// Whether `request` is a Mail Send call of this channel.
    func isMailSend(_ request: ProviderRequest) -> Bool {
        request.method == "POST" && request.url == url
    }

    /// How many recipients a Mail Send request addresses (each is billed as one email).
    static func recipientCount(of body: Data) -> Int {
        guard let object = SendGridJSON.object(body), case .array(let personalizations)? = object["personalizations"] else { return 0 }
        return personalizations.reduce(0) { total, personalization in
            guard case .object(let fields) = personalization else { return total }
            return total + ["to", "cc", "bcc"].reduce(0) { count, key in
                if case .array(let recipients)? = fields[key] { count + recipients.count } else { count }
            }
        }
    }
}
