import ChannelKit
import Foundation
import MetaChannel
import Testing

@Suite struct WhatsAppParseMessageTests {
    static func onlyMessage(_ body: String) throws -> InboundMessage {
        let events = try WhatsAppTestChannel.adapter().parse(signed: body)
        #expect(events.count == 1)
        return try #require(events.messages.first, "events: \(events)")
    }

    static func onlyIgnoredReason(_ body: String) throws -> String {
        let events = try WhatsAppTestChannel.adapter().parse(signed: body)
        #expect(events.count == 1)
        return try #require(events.ignoredReasons.first, "events: \(events)")
    }

    @Test func readsTheDocumentedTextMessage() throws {
        let message = try Self.onlyMessage(WhatsAppPayloads.text)
        #expect(message.providerMessageID == WhatsAppTestChannel.wamid)
        #expect(message.sender == Participant(channelUserID: "16505551234", displayName: "Sheena Nelson", phone: "+16505551234"))
        #expect(message.threadKey == "16505551234")
        #expect(message.text == "Does it come in another color?")
        #expect(message.attachments.isEmpty)
        #expect(message.timestamp == Date(timeIntervalSince1970: 1_739_321_024))
        #expect(message.metadata == ["wamid": WhatsAppTestChannel.wamid])
    }

    @Test func readsAnImageWithItsMediaIDAndCaption() throws {
        let message = try Self.onlyMessage(WhatsAppPayloads.messages(WhatsAppPayloads.image))
        #expect(message.text == "Check out this photo!")
        #expect(message.attachments == [ChannelKit.Attachment(
            kind: .image,
            url: "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1003383421387256",
            providerMediaID: "1003383421387256",
            mimeType: "image/jpeg",
            caption: "Check out this photo!"
        )])
    }

    @Test func readsADocumentWithItsFilename() throws {
        let message = try Self.onlyMessage(WhatsAppPayloads.messages(WhatsAppPayloads.document))
        let attachment = try #require(message.attachments.first)
        #expect(attachment.kind == .file)
        #expect(attachment.filename == "lucky-shrub-invoice.pdf")
        #expect(attachment.mimeType == "application/pdf")
        #expect(attachment.providerMediaID == "1003383421387256")
        #expect(message.text == "Lucky Shrub Invoice")
    }

    @Test func readsAudioVideoAndStickers() throws {
        let cases: [(String, ChannelKit.Attachment.Kind, String?)] = [
            (WhatsAppPayloads.audio, .audio, "audio/ogg; codecs=opus"),
            (WhatsAppPayloads.video, .video, "video/mp4"),
            (WhatsAppPayloads.sticker, .sticker, "image/webp"),
        ]
        for (payload, kind, mimeType) in cases {
            let message = try Self.onlyMessage(WhatsAppPayloads.messages(payload))
            let attachment = try #require(message.attachments.first)
            #expect(attachment.kind == kind)
            #expect(attachment.mimeType == mimeType)
            #expect(attachment.providerMediaID == "1003383421387256")
        }
    }

    @Test func readsAReplyButtonAsItsTitleWithTheIDAsPayload() throws {
        let message = try Self.onlyMessage(WhatsAppPayloads.messages(WhatsAppPayloads.buttonReply))
        #expect(message.text == "Cancel")
        #expect(message.metadata["payload"] == "cancel-button")
        #expect(message.metadata["context.id"] == "wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=")
        #expect(message.metadata["wamid"] == WhatsAppTestChannel.wamid)
    }

    @Test func readsAListReplyAsItsTitleWithTheRowIDAsPayload() throws {
        let message = try Self.onlyMessage(WhatsAppPayloads.messages(WhatsAppPayloads.listReply))
        #expect(message.text == "Priority Mail Express")
        #expect(message.metadata["payload"] == "priority_express")
    }

    @Test func readsATemplateQuickReply() throws {
        let message = try Self.onlyMessage(WhatsAppPayloads.messages(WhatsAppPayloads.templateButton))
        #expect(message.text == "Unsubscribe")
        #expect(message.metadata["payload"] == "Unsubscribe")
    }

    @Test func readsALocation() throws {
        let message = try Self.onlyMessage(WhatsAppPayloads.messages(WhatsAppPayloads.location))
        #expect(message.text == "Location: Philz Coffee, 101 Forest Ave, Palo Alto, CA 94301 (37.44221496582,-122.16129302979)")
        #expect(message.attachments == [ChannelKit.Attachment(kind: .location, url: "https://philzcoffee.com/", caption: "Philz Coffee, 101 Forest Ave, Palo Alto, CA 94301")])
    }

    @Test func aLocationWithoutURLGetsAGeoURI() throws {
        let bare = WhatsAppPayloads.message(#""type":"location","location":{"latitude":37.5,"longitude":-122.25}"#)
        let message = try Self.onlyMessage(WhatsAppPayloads.messages(bare))
        #expect(message.text == "Location: 37.5,-122.25")
        #expect(message.attachments.first?.url == "geo:37.5,-122.25")
    }

    @Test func readsSharedContacts() throws {
        let message = try Self.onlyMessage(WhatsAppPayloads.messages(WhatsAppPayloads.contacts))
        #expect(message.text == "Contact: Barbara J. Johnson: +1 (415) 555-0123, bjohnson@luckyshrub.com")
        #expect(message.attachments == [ChannelKit.Attachment(kind: .contact, caption: "Barbara J. Johnson: +1 (415) 555-0123, bjohnson@luckyshrub.com")])
    }

    @Test func ignoresReactionsWithAReason() throws {
        let reason = try Self.onlyIgnoredReason(WhatsAppPayloads.messages(WhatsAppPayloads.reaction))
        #expect(reason.contains("reacted to wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA="))
        #expect(reason.contains("reactions are not answered"))
        let removed = WhatsAppPayloads.message(#""type":"reaction","reaction":{"message_id":"wamid.X"}"#)
        #expect(try Self.onlyIgnoredReason(WhatsAppPayloads.messages(removed)).contains("removed a reaction"))
    }

    @Test func ignoresUnsupportedMessagesWithTheirTypeAndCode() throws {
        let reason = try Self.onlyIgnoredReason(WhatsAppPayloads.messages(WhatsAppPayloads.unsupported))
        #expect(reason.hasPrefix("entry[0].changes[0].value.messages[0]: "))
        #expect(reason.contains("poll_update"))
        #expect(reason.contains("131051"))
    }

    @Test(arguments: [
        (#""type":"order","order":{"catalog_id":"1","product_items":[]}"#, "message type \"order\" is not handled"),
        (#""type":"system","system":{"body":"User changed number","wa_id":"16505550000","type":"user_changed_number"}"#, "system notice (user_changed_number)"),
        (#""type":"interactive","interactive":{"type":"nfm_reply","nfm_reply":{"response_json":"{}","body":"Sent","name":"flow"}}"#, "interactive reply \"nfm_reply\" is not handled"),
    ])
    func ignoresOtherTypesWithAReason(content: String, reason: String) throws {
        let ignored = try Self.onlyIgnoredReason(WhatsAppPayloads.messages(WhatsAppPayloads.message(content)))
        #expect(ignored.contains(reason))
    }

    @Test func ignoresGroupMessages() throws {
        let group = #"{"from":"16505551234","group_id":"120363000000000000@g.us","id":"wamid.G","timestamp":"1739321024","type":"text","text":{"body":"hi all"}}"#
        #expect(try Self.onlyIgnoredReason(WhatsAppPayloads.messages(group)).contains("groups"))
    }

    @Test func aSenderNotInContactsHasNoNameWhenSeveralProfilesCame() throws {
        let body = WhatsAppPayloads.notification(value: #"{"messaging_product":"whatsapp","metadata":{"phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"A"},"wa_id":"1"},{"profile":{"name":"B"},"wa_id":"2"}],"messages":[{"from":"3","id":"wamid.3","timestamp":"1739321024","type":"text","text":{"body":"hi"}}]}"#)
        let message = try Self.onlyMessage(body)
        #expect(message.sender.displayName == nil)
        #expect(message.sender.phone == "+3")
    }

    @Test func aSenderIDWrittenWithAPlusIsStillAPhoneNumber() throws {
        let plus = #"{"from":"+16505551234","id":"wamid.P","timestamp":"1739321024","type":"text","text":{"body":"hi"}}"#
        let message = try Self.onlyMessage(WhatsAppPayloads.messages(plus))
        #expect(message.sender.channelUserID == "+16505551234")
        #expect(message.sender.phone == "+16505551234")
    }
}
