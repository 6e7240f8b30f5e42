import Foundation
import ChannelKit

extension Participant {
    /// Reads a Telegram User object: `{"id", "first_name", "last_name", "username"}`.
    ///
    /// The display name is the first and last names, else the username. `phone` is a number the
    /// person shared themself (their own contact card); Telegram never reveals it otherwise.
    init(telegramUser user: TelegramObject, phone: String? = nil) throws(WebhookError) {
        let id = try user.requiredInt("id")
        let names = [try user.string("first_name"), try user.string("last_name")].compactMap { $0 }
        let fullName = names.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        let username = try user.string("username")
        self.init(channelUserID: String(id), displayName: fullName.isEmpty ? username : fullName, phone: phone)
    }

    /// A phone number as Telegram gives it, in international format: Telegram omits the `+`
    /// (`"447700900123"`), which is put back so the number is not read as a national one.
    static func telegramPhone(_ raw: String) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.allSatisfy(\.isASCIIDigit) else { return trimmed }
        return "+" + trimmed
    }
}
