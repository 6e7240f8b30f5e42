import ChannelKit
import Foundation
import TelegramChannel
import Testing

@Suite struct ParseMessageTests {
    @Test func readsATextMessage() throws {
        let message = try onlyMessage(TestBot.adapter().parse(update: Updates.text))
        #expect(message == InboundMessage(
            providerMessageID: "1111111:1365",
            sender: Participant(channelUserID: "1111111", displayName: "Ada Lovelace"),
            threadKey: "1111111",
            text: "Do you have gluten-free bread?",
            timestamp: Date(timeIntervalSince1970: 1_441_645_532),
            metadata: ["chatType": "private"]
        ))
    }

    @Test func readsAGroupMessageThatRepliesToTheBot() throws {
        let message = try onlyMessage(TestBot.adapter().parse(update: Updates.groupReply))
        #expect(message.providerMessageID == "-1001234567890:77")
        #expect(message.threadKey == "-1001234567890", "a group is one conversation, whoever writes")
        #expect(message.sender == Participant(channelUserID: "2222222", displayName: "Grace"))
        #expect(message.metadata["replyToMessageID"] == "-1001234567890:76")
        #expect(message.metadata["chatType"] == "supergroup")
    }

    @Test func fallsBackToTheUsernameForTheName() throws {
        let body = #"{"update_id":1,"message":{"message_id":5,"from":{"id":42,"is_bot":false,"first_name":"","username":"night_owl"},"chat":{"id":42,"type":"private"},"date":1700000000,"text":"hi"}}"#
        let message = try onlyMessage(TestBot.adapter().parse(update: body))
        #expect(message.sender.displayName == "night_owl")
    }

    @Test func marksAnEditAndDedupesItApartFromTheOriginal() throws {
        let adapter = try TestBot.adapter()
        let original = try onlyMessage(adapter.parse(update: Updates.text))
        let edit = try onlyMessage(adapter.parse(update: Updates.edited))
        #expect(edit.providerMessageID == "1111111:1365:edit:1441645600")
        #expect(edit.providerMessageID != original.providerMessageID)
        #expect(edit.text == "(edited) Do you have gluten-free rolls?")
        #expect(edit.timestamp == Date(timeIntervalSince1970: 1_441_645_600))
        #expect(edit.metadata["editedMessageID"] == original.providerMessageID)
        #expect(edit.threadKey == original.threadKey)
        #expect(edit.sender.channelUserID == original.sender.channelUserID)
    }

    @Test func readsTheLargestPhotoWithItsCaptionAsText() throws {
        let message = try onlyMessage(TestBot.adapter().parse(update: Updates.photo))
        #expect(message.providerMessageID == "1111111:1367")
        #expect(message.text == "The cake arrived like this")
        #expect(message.attachments == [Attachment(
            kind: .image,
            providerMediaID: "AgACAgQAAxkBAAIBY2Large",
            mimeType: "image/jpeg",
            caption: "The cake arrived like this"
        )])
    }

    @Test func readsADocument() throws {
        let message = try onlyMessage(TestBot.adapter().parse(update: Updates.document))
        #expect(message.text == "")
        #expect(message.attachments == [Attachment(
            kind: .file,
            providerMediaID: "BQACAgQAAxkBAAIBZGDoc",
            mimeType: "application/pdf",
            filename: "order-5521.pdf"
        )])
    }

    @Test func readsAVoiceNote() throws {
        let message = try onlyMessage(TestBot.adapter().parse(update: Updates.voice))
        #expect(message.attachments == [Attachment(kind: .audio, providerMediaID: "AwACAgQAAxkBAAIBZVoice", mimeType: "audio/ogg")])
    }

    @Test func readsALocationAsAGeoURI() throws {
        let message = try onlyMessage(TestBot.adapter().parse(update: Updates.location))
        #expect(message.text == "")
        #expect(message.attachments == [Attachment(kind: .location, url: "geo:51.500729,-0.124625")])
    }

    @Test func readsAVenueWithItsNameAndAddress() throws {
        let body = #"{"update_id":1,"message":{"message_id":9,"from":{"id":42,"first_name":"Ada"},"chat":{"id":42,"type":"private"},"date":1700000000,"location":{"latitude":48.8584,"longitude":2.2945},"venue":{"location":{"latitude":48.8584,"longitude":2.2945},"title":"Eiffel Tower","address":"Champ de Mars, Paris"}}}"#
        let message = try onlyMessage(TestBot.adapter().parse(update: body))
        #expect(message.attachments == [Attachment(kind: .location, url: "geo:48.8584,2.2945", caption: "Eiffel Tower, Champ de Mars, Paris")])
    }

    @Test func takesThePhoneOfTheSendersOwnContact() throws {
        let message = try onlyMessage(TestBot.adapter().parse(update: Updates.ownContact))
        #expect(message.sender.phone == "+447700900123", "Telegram omits the +; it is put back")
        #expect(message.attachments == [Attachment(kind: .contact, url: "tel:+447700900123", caption: "Ada Lovelace")])
    }

    @Test func doesNotTakeSomeoneElsesContactForTheSendersPhone() throws {
        let message = try onlyMessage(TestBot.adapter().parse(update: Updates.otherContact))
        #expect(message.sender.phone == nil)
        #expect(message.attachments == [Attachment(kind: .contact, url: "tel:+14155550123", caption: "Charles Babbage")])
    }

    @Test(arguments: [
        (#""sticker":{"file_id":"CAACAgIAAxkBStk","file_unique_id":"u","type":"regular","width":512,"height":512,"is_animated":false,"is_video":false}"#, Attachment(kind: .sticker, providerMediaID: "CAACAgIAAxkBStk")),
        (#""video":{"file_id":"BAACAgQVid","file_unique_id":"u","width":640,"height":360,"duration":9,"mime_type":"video/mp4"}"#, Attachment(kind: .video, providerMediaID: "BAACAgQVid", mimeType: "video/mp4")),
        (#""video_note":{"file_id":"DQACAgQNote","file_unique_id":"u","length":240,"duration":5}"#, Attachment(kind: .video, providerMediaID: "DQACAgQNote", mimeType: "video/mp4")),
        (#""audio":{"file_id":"CQACAgQAud","file_unique_id":"u","duration":180,"title":"Jingle","file_name":"jingle.mp3","mime_type":"audio/mpeg"}"#, Attachment(kind: .audio, providerMediaID: "CQACAgQAud", mimeType: "audio/mpeg", filename: "jingle.mp3")),
        (#""animation":{"file_id":"CgACAgQGif","file_unique_id":"u","width":320,"height":240,"duration":2,"mime_type":"video/mp4"},"document":{"file_id":"CgACAgQGif","file_unique_id":"u","mime_type":"video/mp4"}"#, Attachment(kind: .video, providerMediaID: "CgACAgQGif", mimeType: "video/mp4")),
    ])
    func readsOtherMedia(member: String, expected: Attachment) throws {
        let body = #"{"update_id":1,"message":{"message_id":9,"from":{"id":42,"first_name":"Ada"},"chat":{"id":42,"type":"private"},"date":1700000000,"# + member + "}}"
        let message = try onlyMessage(TestBot.adapter().parse(update: body))
        #expect(message.attachments == [expected])
    }

    @Test func ignoresServiceMessagesNamingWhatTheyCarry() throws {
        let body = #"{"update_id":1,"message":{"message_id":9,"from":{"id":42,"first_name":"Ada"},"chat":{"id":-100,"type":"group","title":"G"},"date":1700000000,"new_chat_members":[{"id":43,"is_bot":false,"first_name":"Bob"}]}}"#
        let reason = try onlyIgnoredReason(TestBot.adapter().parse(update: body))
        #expect(reason.contains("-100:9"))
        #expect(reason.contains("new_chat_members"))
    }

    @Test func ignoresMessagesFromBotsAndFromChats() throws {
        let fromBot = #"{"update_id":1,"message":{"message_id":9,"from":{"id":43,"is_bot":true,"first_name":"Other bot"},"chat":{"id":-100,"type":"group"},"date":1700000000,"text":"beep"}}"#
        let fromChat = #"{"update_id":2,"message":{"message_id":10,"sender_chat":{"id":-100,"type":"group"},"chat":{"id":-100,"type":"group"},"date":1700000000,"text":"anon"}}"#
        let adapter = try TestBot.adapter()
        #expect(try onlyIgnoredReason(adapter.parse(update: fromBot)).contains("bot"))
        #expect(try onlyIgnoredReason(adapter.parse(update: fromChat)).contains("no sender"))
    }
}
