import ChannelKit
import Foundation

/// Builds Twilio Messages API calls: `POST {apiBaseURL}/2010-04-01/Accounts/{AccountSid}/Messages.json`
/// with a form body and HTTP Basic auth (`AccountSid:AuthToken`).
///
/// The Authorization header holds the auth token: requests are never logged whole.
struct TwilioMessagesAPI: Sendable {
    let settings: SMSSettings

    /// The Messages resource of the account.
    var url: String {
        "\(settings.apiBaseURL)/2010-04-01/Accounts/\(settings.accountSid)/Messages.json"
    }

    /// The `Authorization` header value.
    var authorization: String {
        "Basic " + Data("\(settings.accountSid):\(settings.authToken.value)".utf8).base64EncodedString()
    }

    /// A request creating one message to `to` with `body` and media URLs.
    func createMessage(to: String, body: String, mediaURLs: [String]) -> ProviderRequest {
        var fields: [(name: String, value: String)] = [("To", to)]
        switch settings.sender {
        case .number(let number): fields.append(("From", number))
        case .messagingService(let sid): fields.append(("MessagingServiceSid", sid))
        }
        if !body.isEmpty {
            fields.append(("Body", body))
        }
        for mediaURL in mediaURLs {
            fields.append(("MediaUrl", mediaURL))
        }
        if let callback = settings.statusCallbackURL {
            fields.append(("StatusCallback", callback))
        }
        return ProviderRequest(
            method: "POST",
            url: url,
            headers: [
                "Authorization": authorization,
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
            ],
            body: FormFields.encode(fields)
        )
    }
}
