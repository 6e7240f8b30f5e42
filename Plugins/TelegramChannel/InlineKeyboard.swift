import ChannelKit

/// Quick replies as a Telegram inline keyboard: one button per row, each sending its
/// `callback_data` back as a callback query when pressed.
enum InlineKeyboard {
    /// The most bytes Telegram accepts in a button's `callback_data`.
    static let maxCallbackDataBytes = 64

    /// The `reply_markup` for `quickReplies`, or nil when there are none (or none can be shown).
    static func markup(for quickReplies: [QuickReply]) -> RequestJSON? {
        var rows: [RequestJSON] = []
        for reply in quickReplies {
            let title = reply.title.isEmpty ? reply.payload : reply.title
            guard !title.isEmpty else { continue }
            let button: [String: RequestJSON] = [
                "text": .string(title),
                "callback_data": .string(callbackData(payload: reply.payload, title: title)),
            ]
            rows.append(.array([.object(button)]))
        }
        return rows.isEmpty ? nil : .object(["inline_keyboard": .array(rows)])
    }

    /// What a button sends back: the payload when it fits in 64 bytes, else the title when it
    /// fits (the customer saw it; the assistant reads it like typed text), else the title cut at
    /// a character boundary so the bytes stay valid UTF-8 (a scalar boundary if its first
    /// character alone is too long).
    static func callbackData(payload: String, title: String) -> String {
        if !payload.isEmpty, payload.utf8.count <= maxCallbackDataBytes {
            return payload
        }
        if title.utf8.count <= maxCallbackDataBytes {
            return title
        }
        var cut = ""
        for character in title {
            guard cut.utf8.count + String(character).utf8.count <= maxCallbackDataBytes else { break }
            cut.append(character)
        }
        if cut.isEmpty {
            var scalars = String.UnicodeScalarView()
            for scalar in title.unicodeScalars {
                guard String(scalars).utf8.count + String(scalar).utf8.count <= maxCallbackDataBytes else { break }
                scalars.append(scalar)
            }
            cut = String(scalars)
        }
        return cut
    }
}
