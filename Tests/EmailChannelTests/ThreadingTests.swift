import ChannelKit
import EmailChannel
import Foundation
import Testing

/// A three-message thread: the customer writes, answers the gateway's reply, answers again. All
/// three land in one conversation (one thread key), and each reply the gateway renders carries
/// the chain.
@Suite struct ThreadingTests {
    static let first = "CAF=k2X9mA0q1@mail.gmail.com"
    static let ourReply = "0100019740b3c5d2@bakery.example"
    static let second = "CAF=k2X9mB7r2@mail.gmail.com"
    static let ourSecondReply = "0100019740b4aa10@bakery.example"
    static let third = "CAF=k2X9mC3s5@mail.gmail.com"

    static func post(messageID: String, subject: String, threading: [String], text: String) throws -> InboundMessage {
        let headers = InboundFixtures.headerBlock(messageID: "<\(messageID)>", subject: subject, extra: threading)
        return try onlyMessage(TestMailbox.adapter().parse(TestMailbox.inboundPost(
            InboundFixtures.parsedPost(headers: headers, subject: subject, text: Array(text.utf8))
        )))
    }

    @Test func aThreadOfThreeMessagesIsOneConversation() throws {
        let one = try Self.post(messageID: Self.first, subject: "Wedding cake", threading: [], text: "Do you make wedding cakes?")
        let two = try Self.post(
            messageID: Self.second, subject: "Re: Wedding cake",
            threading: ["In-Reply-To: <\(Self.ourReply)>", "References: <\(Self.first)>", " <\(Self.ourReply)>"],
            text: "For 80 guests, in July.\r\n\r\nOn Tue, Jun 3, 2025 at 9:00 AM Bella's Bakery <help@bakery.example> wrote:\r\n> Yes! For how many guests?\r\n"
        )
        let three = try Self.post(
            messageID: Self.third, subject: "Re: Re: Wedding cake",
            threading: ["In-Reply-To: <\(Self.ourSecondReply)>", "References: <\(Self.first)> <\(Self.ourReply)> <\(Self.second)> <\(Self.ourSecondReply)>"],
            text: "Chocolate, please."
        )
        #expect([one.threadKey, two.threadKey, three.threadKey] == [Self.first, Self.first, Self.first])
        #expect([one.providerMessageID, two.providerMessageID, three.providerMessageID] == [Self.first, Self.second, Self.third])
        #expect(one.text == "Wedding cake\n\nDo you make wedding cakes?")
        #expect(two.text == "For 80 guests, in July.")
        #expect(three.text == "Chocolate, please.")
        #expect(three.metadata[EmailMetadataKey.references]
            == "<\(Self.first)> <\(Self.ourReply)> <\(Self.second)> <\(Self.ourSecondReply)> <\(Self.third)>")
    }

    @Test func aReplyWithOnlyInReplyToThreadsUnderThatMessage() throws {
        let message = try Self.post(messageID: Self.second, subject: "Re: Wedding cake", threading: ["In-Reply-To: <\(Self.first)>"], text: "Yes")
        #expect(message.threadKey == Self.first)
        #expect(message.metadata[EmailMetadataKey.references] == "<\(Self.first)> <\(Self.second)>")
    }

    @Test func theGatewaysRepliesCarryTheChain() throws {
        let adapter = try TestMailbox.adapter()
        let two = try Self.post(
            messageID: Self.second, subject: "Re: Wedding cake",
            threading: ["In-Reply-To: <\(Self.ourReply)>", "References: <\(Self.first)> <\(Self.ourReply)>"],
            text: "For 80 guests."
        )
        let address = ConversationAddress(recipient: two.sender, threadKey: two.threadKey, inReplyTo: two.providerMessageID, context: two.metadata)
        let request = try onlyRequest(adapter.render(OutboundMessage(id: "msg_2", text: "Lovely, chocolate or vanilla?"), for: address))
        let mail = try jsonObject(request.body)
        let headers = try #require(mail["headers"] as? [String: String])
        #expect(headers["In-Reply-To"] == "<\(Self.second)>")
        #expect(headers["References"] == "<\(Self.first)> <\(Self.ourReply)> <\(Self.second)>")
        #expect(mail["subject"] as? String == "Re: Wedding cake")
    }
}
