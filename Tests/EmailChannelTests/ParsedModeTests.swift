import ChannelKit
import EmailChannel
import Foundation
import Testing

/// Inbound Parse in its default mode: SendGrid posts the parsed fields.
@Suite struct ParsedModeTests {
    static func parse(_ fields: [FormField]) throws -> [InboundEvent] {
        try TestMailbox.adapter().parse(TestMailbox.inboundPost(fields))
    }

    @Test func readsANewEmail() throws {
        let message = try onlyMessage(Self.parse(InboundFixtures.parsedPost()))
        #expect(message.providerMessageID == "CAF=k2X9mA0q1@mail.gmail.com")
        #expect(message.threadKey == "CAF=k2X9mA0q1@mail.gmail.com")
        #expect(message.sender == Participant(channelUserID: "jane.doe@gmail.com", displayName: "Jane Doe", email: "jane.doe@gmail.com"))
        #expect(message.text == "Gluten-free bread?\n\nDo you have gluten-free bread on Saturdays?")
        #expect(message.timestamp == Date(timeIntervalSince1970: 1_748_925_771))
        #expect(message.attachments.isEmpty)
        #expect(message.metadata == [
            EmailMetadataKey.subject: "Gluten-free bread?",
            EmailMetadataKey.messageID: "CAF=k2X9mA0q1@mail.gmail.com",
            EmailMetadataKey.references: "<CAF=k2X9mA0q1@mail.gmail.com>",
            EmailMetadataKey.to: "help@reply.bakery.example",
            EmailMetadataKey.spamScore: "0.011",
            EmailMetadataKey.spf: "pass",
        ])
    }

    @Test func decodesEachFieldInItsCharset() throws {
        let text = Array("Grüße, können Sie liefern?".data(using: .isoLatin1) ?? Data())
        let subject = "Lieferung nach Köln"
        let message = try onlyMessage(Self.parse(InboundFixtures.parsedPost(
            from: "=?ISO-8859-1?Q?J=F6rg?= <joerg@example.de>",
            subject: subject,
            text: text,
            charsets: #"{"to":"UTF-8","from":"UTF-8","subject":"UTF-8","text":"iso-8859-1"}"#
        )))
        #expect(message.text == "Lieferung nach Köln\n\nGrüße, können Sie liefern?")
        #expect(message.sender.displayName == "Jörg")
    }

    @Test func readsHTMLWhenThereIsNoText() throws {
        let html = Array("<div dir=\"ltr\">Can I order a <i>birthday cake</i> for Friday?<br><br></div><div class=\"gmail_quote\"><div class=\"gmail_attr\">On Mon, Jun 2, 2025 at 6:10 PM Bella&#39;s Bakery &lt;help@bakery.example&gt; wrote:<br></div><blockquote class=\"gmail_quote\">Anything else?<br><blockquote>Older</blockquote></blockquote></div>".utf8)
        let message = try onlyMessage(Self.parse(InboundFixtures.parsedPost(
            headers: InboundFixtures.headerBlock(extra: ["In-Reply-To: <a@bakery.example>"]),
            text: nil, html: html,
            charsets: #"{"to":"UTF-8","from":"UTF-8","subject":"UTF-8","html":"UTF-8"}"#
        )))
        #expect(message.text == "Can I order a birthday cake for Friday?")
    }

    @Test func listsAttachmentsFromAttachmentInfo() throws {
        let photo: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46]
        let message = try onlyMessage(Self.parse(InboundFixtures.parsedPost(
            files: [
                .file("attachment1", filename: "cake.jpg", type: "image/jpeg", photo),
                .file("attachment2", filename: "order.pdf", type: "application/pdf", Array("%PDF-1.7".utf8)),
            ],
            attachmentInfo: #"{"attachment2":{"filename":"order.pdf","name":"order.pdf","type":"application/pdf"},"attachment1":{"filename":"cake.jpg","name":"cake.jpg","type":"image/jpeg","content-id":"ii_mbgz1x0p0"}}"#
        )))
        #expect(message.attachments == [
            Attachment(kind: .image, mimeType: "image/jpeg", filename: "cake.jpg"),
            Attachment(kind: .file, mimeType: "application/pdf", filename: "order.pdf"),
        ])
        #expect(message.metadata[EmailMetadataKey.attachments] == "cake.jpg (image/jpeg, 10 bytes)\norder.pdf (application/pdf, 8 bytes)")
    }

    @Test func keepsAReplyToThatDiffersFromTheSender() throws {
        let message = try onlyMessage(Self.parse(InboundFixtures.parsedPost(
            headers: InboundFixtures.headerBlock(extra: ["Reply-To: Jane (work) <jane@work.example>"])
        )))
        #expect(message.metadata[EmailMetadataKey.replyTo] == "jane@work.example")
    }

    @Test func aSubjectOnlyEmailBecomesItsSubject() throws {
        let message = try onlyMessage(Self.parse(InboundFixtures.parsedPost(subject: "Open on Sunday?", text: nil)))
        #expect(message.text == "Open on Sunday?")
    }

    @Test func anEmailWithoutSenderIsIgnored() throws {
        let headers = InboundFixtures.headerBlock().replacingOccurrences(of: "From: Jane Doe <jane.doe@gmail.com>\r\n", with: "")
        let reason = try onlyIgnoredReason(Self.parse(InboundFixtures.parsedPost(headers: headers, from: "")))
        #expect(reason.contains("no valid From"))
    }

    @Test func cutsVeryLongText() throws {
        let long = String(repeating: "word ", count: 6_000)
        let message = try onlyMessage(Self.parse(InboundFixtures.parsedPost(
            headers: InboundFixtures.headerBlock(extra: ["In-Reply-To: <a@bakery.example>"]), text: Array(long.utf8)
        )))
        #expect(message.text.count < 20_100)
        #expect(message.text.hasSuffix("[… the rest of the email was cut]"))
    }
}
