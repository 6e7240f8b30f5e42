import ChannelKit
import Foundation

extension TelegramReplyRenderer {
    /// The longest caption Telegram accepts, in characters.
    static let maxCaptionLength = 1024

    /// The call that sends one attachment, or nil when it gives nothing Telegram can send
    /// (attachments are best effort: the text of the reply still goes).
    ///
    /// Files go by URL (Telegram downloads it) or by a Telegram `file_id` in
    /// ``ChannelKit/Attachment/providerMediaID``: images with `sendPhoto`, videos `sendVideo`,
    /// audio `sendAudio`, stickers `sendSticker`, anything else `sendDocument`. A location with a
    /// `geo:` URL goes with `sendLocation`, a contact with a `tel:` URL with `sendContact`.
    func mediaCall(for attachment: Attachment, chat: RequestJSON) -> TelegramCall? {
        switch attachment.kind {
        case .location:
            guard let (latitude, longitude) = attachment.url.flatMap(Self.coordinates) else { return nil }
            return TelegramCall(method: "sendLocation", parameters: ["chat_id": chat, "latitude": .number(latitude), "longitude": .number(longitude)])
        case .contact:
            guard let phone = attachment.url.flatMap(Self.phoneNumber) else { return nil }
            let name = attachment.caption ?? attachment.filename ?? phone
            return TelegramCall(method: "sendContact", parameters: ["chat_id": chat, "phone_number": .string(phone), "first_name": .string(name)])
        case .image: return fileCall("sendPhoto", field: "photo", attachment, chat: chat)
        case .video: return fileCall("sendVideo", field: "video", attachment, chat: chat)
        case .audio: return fileCall("sendAudio", field: "audio", attachment, chat: chat)
        case .sticker: return fileCall("sendSticker", field: "sticker", attachment, chat: chat, captioned: false)
        case .file, .other: return fileCall("sendDocument", field: "document", attachment, chat: chat)
        }
    }

    private func fileCall(
        _ method: String,
        field: String,
        _ attachment: Attachment,
        chat: RequestJSON,
        captioned: Bool = true
    ) -> TelegramCall? {
        let url = attachment.url.flatMap { URL(string: $0) }
        let source: String
        if let url, let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", let text = attachment.url {
            source = text
        } else if let id = attachment.providerMediaID, !id.isEmpty {
            source = id
        } else {
            return nil
        }
        var parameters: [String: RequestJSON] = ["chat_id": chat, field: .string(source)]
        if captioned, let caption = self.caption(attachment.caption) {
            parameters["caption"] = .string(caption)
            if let parseMode = settings.parseMode.wireValue {
                parameters["parse_mode"] = .string(parseMode)
            }
        }
        return TelegramCall(method: method, parameters: parameters)
    }

    /// The caption escaped for the parse mode, cut to its first part that fits.
    private func caption(_ text: String?) -> String? {
        guard let text, !text.allSatisfy(\.isWhitespace) else { return nil }
        let limit = min(Self.maxCaptionLength, settings.maxTextLength)
        return (try? TelegramTextFitter.parts(of: text, limit: limit, escape: settings.parseMode.escape))?.first
    }

    /// The latitude and longitude of a `geo:<lat>,<long>[;…]` URI.
    static func coordinates(_ uri: String) -> (Double, Double)? {
        guard uri.lowercased().hasPrefix("geo:") else { return nil }
        let point = uri.dropFirst(4).split(separator: ";", maxSplits: 1).first ?? ""
        let values = point.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard values.count >= 2, (-90...90).contains(values[0]), (-180...180).contains(values[1]) else { return nil }
        return (values[0], values[1])
    }

    /// The number of a `tel:` URI.
    static func phoneNumber(_ uri: String) -> String? {
        guard uri.lowercased().hasPrefix("tel:") else { return nil }
        let number = uri.dropFirst(4).trimmingCharacters(in: .whitespaces)
        return number.isEmpty ? nil : number
    }
}
