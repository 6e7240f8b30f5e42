import ChannelKit
import EmailChannel
import Foundation
import Testing

@Suite struct RenderTests {
    static let jane = Participant(channelUserID: "jane.doe@gmail.com", displayName: "Jane Doe", email: "jane.doe@gmail.com")

    static func address(
        recipient: Participant = jane, inReplyTo: String? = "CAF=k2X9mB7r2@mail.gmail.com", context: [String: String] = [
            EmailMetadataKey.subject: "Re: Wedding cake",
            EmailMetadataKey.messageID: "CAF=k2X9mB7r2@mail.gmail.com",
            EmailMetadataKey.references: "<CAF=k2X9mA0q1@mail.gmail.com> <0100019740b3c5d2@bakery.example> <CAF=k2X9mB7r2@mail.gmail.com>",
        ]
    ) -> ConversationAddress {
        ConversationAddress(recipient: recipient, threadKey: "CAF=k2X9mA0q1@mail.gmail.com", inReplyTo: inReplyTo, context: context)
    }

    static func mail(
        _ reply: OutboundMessage, to address: ConversationAddress = address(), settings: [String: JSONValue?] = [:]
    ) throws -> (request: ProviderRequest, body: [String: Any]) {
        let request = try onlyRequest(TestMailbox.adapter(settings: settings).render(reply, for: address))
        return (request, try jsonObject(request.body))
    }

    static func content(_ body: [String: Any]) throws -> (text: String, html: String) {
        let content = try #require(body["content"] as? [[String: String]])
        try #require(content.count == 2)
        #expect(content[0]["type"] == "text/plain")
        #expect(content[1]["type"] == "text/html")
        return (try #require(content[0]["value"]), try #require(content[1]["value"]))
    }

    @Test func buildsAMailSendRequest() throws {
        let (request, body) = try Self.mail(OutboundMessage(id: "msg_7f3a", text: "We bake it on Friday."))
        #expect(request.method == "POST")
        #expect(request.url == "https://api.sendgrid.com/v3/mail/send")
        #expect(request.headers["Authorization"] == "Bearer \(TestMailbox.apiKey.value)")
        #expect(request.headers["Content-Type"] == "application/json")
        let personalizations = try #require(body["personalizations"] as? [[String: [[String: String]]]])
        #expect(personalizations == [["to": [["email": "jane.doe@gmail.com", "name": "Jane Doe"]]]])
        #expect(body["from"] as? [String: String] == ["email": "help@bakery.example", "name": "Bella's Bakery"])
        #expect(body["reply_to"] == nil)
        #expect(body["subject"] as? String == "Re: Wedding cake")
        #expect(body["headers"] as? [String: String] == [
            "In-Reply-To": "<CAF=k2X9mB7r2@mail.gmail.com>",
            "References": "<CAF=k2X9mA0q1@mail.gmail.com> <0100019740b3c5d2@bakery.example> <CAF=k2X9mB7r2@mail.gmail.com>",
        ])
        #expect(body["custom_args"] as? [String: String] == ["gateway_message_id": "msg_7f3a", "gateway_channel_id": "bakery-email"])
        let (text, _) = try Self.content(body)
        #expect(text == "Hello Jane Doe,\n\nWe bake it on Friday.\n\nBest regards,\nBella's Bakery")
    }

    @Test func usesTheReplyToAddressAndTheConfiguredReplyTo() throws {
        var context = Self.address().context
        context[EmailMetadataKey.replyTo] = "jane@work.example"
        let (_, body) = try Self.mail(
            OutboundMessage(id: "m", text: "Done."), to: Self.address(context: context),
            settings: ["replyToAddress": .string("help@reply.bakery.example")]
        )
        let personalizations = try #require(body["personalizations"] as? [[String: [[String: String]]]])
        #expect(personalizations == [["to": [["email": "jane@work.example"]]]])
        #expect(body["reply_to"] as? [String: String] == ["email": "help@reply.bakery.example", "name": "Bella's Bakery"])
        #expect(try Self.content(body).text.hasPrefix("Hello Jane Doe,"))
    }

    @Test(arguments: [
        ("Re: Wedding cake", "Re: Wedding cake"),
        ("Wedding cake", "Re: Wedding cake"),
        ("RE: Re: re:Wedding cake", "Re: Wedding cake"),
        ("AW: Bestellung", "Re: Bestellung"),
        ("SV: VS: Tilaus", "Re: Tilaus"),
        ("Re[2]: Order", "Re: Order"),
        ("Réf : Commande", "Re: Commande"),
        ("Fwd: Invoice 7", "Re: Fwd: Invoice 7"),
        ("Re: Fwd: Invoice 7", "Re: Fwd: Invoice 7"),
        ("Re: 10:30 appointment", "Re: 10:30 appointment"),
        ("", "Re: your message"),
        ("Re:", "Re: your message"),
    ])
    func subjectPrefixes(original: String, expected: String) throws {
        #expect(SubjectLine.reply(to: original) == expected)
        var context = Self.address().context
        context[EmailMetadataKey.subject] = original
        #expect(try Self.mail(OutboundMessage(id: "m", text: "Hi"), to: Self.address(context: context)).body["subject"] as? String == expected)
    }

    @Test func aMissingSubjectFallsBack() throws {
        let (_, body) = try Self.mail(OutboundMessage(id: "m", text: "Hi"), to: Self.address(context: [:]))
        #expect(body["subject"] as? String == "Re: your message")
        #expect(body["headers"] as? [String: String] == [
            "In-Reply-To": "<CAF=k2X9mB7r2@mail.gmail.com>", "References": "<CAF=k2X9mB7r2@mail.gmail.com>",
        ])
    }

    @Test func noThreadingHeadersWithoutARealMessageID() throws {
        let (_, body) = try Self.mail(OutboundMessage(id: "m", text: "Hi"), to: Self.address(inReplyTo: "generated-0123456789abcdef0123456789abcdef01234567", context: [:]))
        #expect(body["headers"] == nil)
    }

    @Test func greetingAndSignOffFollowTheSettings() throws {
        let reply = OutboundMessage(id: "m", text: "Your order is ready.")
        let anonymous = Participant(channelUserID: "jane.doe@gmail.com", email: "jane.doe@gmail.com")
        #expect(try Self.content(Self.mail(reply, to: Self.address(recipient: anonymous)).body).text
            == "Hello,\n\nYour order is ready.\n\nBest regards,\nBella's Bakery")
        #expect(try Self.content(Self.mail(reply, settings: ["fromName": nil]).body).text
            == "Hello Jane Doe,\n\nYour order is ready.\n\nBest regards,")
        let custom: [String: JSONValue?] = ["greeting": .string("Dear {name},"), "signOff": .string("Cheers,\nThe {fromName} team\nhttps://bakery.example")]
        #expect(try Self.content(Self.mail(reply, settings: custom).body).text
            == "Dear Jane Doe,\n\nYour order is ready.\n\nCheers,\nThe Bella's Bakery team\nhttps://bakery.example")
        let none: [String: JSONValue?] = ["greeting": .string(""), "signOff": .string("")]
        #expect(try Self.content(Self.mail(reply, settings: none).body).text == "Your order is ready.")
        let lastFirst = Participant(channelUserID: "j@x.example", displayName: "Doe, Jane", email: "j@x.example")
        #expect(try Self.content(Self.mail(reply, to: Self.address(recipient: lastFirst)).body).text.hasPrefix("Hello Jane Doe,"))
    }

    @Test func aReplyThatGreetsAndSignsItselfIsNotGreetedTwice() throws {
        let reply = OutboundMessage(id: "m", text: "Hi Jane,\n\nYour order is ready.\n\nKind regards,\nBella's Bakery")
        #expect(try Self.content(Self.mail(reply).body).text == "Hi Jane,\n\nYour order is ready.\n\nKind regards,\nBella's Bakery")
        let history = OutboundMessage(id: "m", text: "History of our bakery: it started in 1920.")
        #expect(try Self.content(Self.mail(history).body).text.hasPrefix("Hello Jane Doe,\n\nHistory"))
    }

    @Test func quickRepliesAndLinksAreAppended() throws {
        let reply = OutboundMessage(
            id: "m", text: "Which size?", quickReplies: [QuickReply(title: "Small"), QuickReply(title: "Large")],
            attachments: [Attachment(kind: .file, url: "https://bakery.example/menu.pdf", filename: "menu.pdf")]
        )
        let (text, html) = try Self.content(Self.mail(reply).body)
        #expect(text == "Hello Jane Doe,\n\nWhich size?\n\n- Small\n- Large\n\nmenu.pdf: https://bakery.example/menu.pdf\n\nBest regards,\nBella's Bakery")
        #expect(html.contains("<ul>\n<li>Small</li>\n<li>Large</li>\n</ul>"))
        #expect(html.contains("menu.pdf: <a href=\"https://bakery.example/menu.pdf\">https://bakery.example/menu.pdf</a>"))
    }

    @Test func quickRepliesGoBeforeTheRepliesOwnClosing() throws {
        let reply = OutboundMessage(id: "m", text: "Hi Jane,\n\nWhich size?\n\nBest,\nAnna", quickReplies: [QuickReply(title: "Small")])
        #expect(try Self.content(Self.mail(reply).body).text == "Hi Jane,\n\nWhich size?\n\n- Small\n\nBest,\nAnna")
    }

    @Test func theHTMLIsEscapedInParagraphs() throws {
        let reply = OutboundMessage(id: "m", text: "Use <script>alert('x')</script> & \"quotes\".\nSecond line.\n\nSee https://bakery.example/a?b=1&c=2.")
        let (_, html) = try Self.content(Self.mail(reply, settings: ["greeting": .string(""), "signOff": .string("")]).body)
        #expect(html == """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"></head><body>
        <p>Use &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;.<br>
        Second line.</p>
        <p>See <a href="https://bakery.example/a?b=1&amp;c=2">https://bakery.example/a?b=1&amp;c=2</a>.</p>
        </body></html>
        """)
    }

    @Test func recipientNamesLoseCommasAndSemicolons() throws {
        let odd = Participant(channelUserID: "a@x.example", displayName: "Jane; Doe & Co", email: "a@x.example")
        let personalizations = try #require(Self.mail(OutboundMessage(id: "m", text: "Hi"), to: Self.address(recipient: odd)).body["personalizations"] as? [[String: [[String: String]]]])
        #expect(personalizations.first?["to"]?.first?["name"] == "Jane Doe & Co")
    }

    @Test func aNoticeIsMarkedAutomatic() throws {
        let (_, body) = try Self.mail(OutboundMessage(id: "m", text: "We cannot answer more today.", intent: .notice))
        #expect((body["headers"] as? [String: String])?["Auto-Submitted"] == "auto-replied")
        let (_, answer) = try Self.mail(OutboundMessage(id: "m", text: "Sure."))
        #expect((answer["headers"] as? [String: String])?["Auto-Submitted"] == nil)
    }

    @Test func aConversationWithoutEmailFailsForGood() throws {
        let nobody = Participant(channelUserID: "visitor-42")
        let failure = try #require(throws: SendFailure.self) {
            try TestMailbox.adapter().render(OutboundMessage(id: "m", text: "Hi"), for: Self.address(recipient: nobody))
        }
        #expect(!failure.isRetryable)
        #expect(failure.reason.contains("no email address"))
        let empty = try #require(throws: SendFailure.self) {
            try TestMailbox.adapter().render(OutboundMessage(id: "m", text: "  \n"), for: Self.address())
        }
        #expect(!empty.isRetryable)
    }

    @Test func usageCountsRecipientsOfMailSendRequests() throws {
        let adapter = try TestMailbox.adapter()
        let request = try onlyRequest(adapter.render(OutboundMessage(id: "m", text: "Hi"), for: Self.address()))
        #expect(adapter.usage(of: request) == [ChannelUsage(kind: .email, quantity: 1)])
        #expect(adapter.usage(of: ProviderRequest(url: "https://api.sendgrid.com/v3/marketing/contacts", body: request.body)).isEmpty)
    }

    @Test func aCustomAPIBaseURLIsUsed() throws {
        let (request, _) = try Self.mail(OutboundMessage(id: "m", text: "Hi"), settings: ["apiBaseURL": .string("https://api.eu.sendgrid.com/")])
        #expect(request.url == "https://api.eu.sendgrid.com/v3/mail/send")
    }
}
