import ChannelKit
import Foundation
import TelegramChannel
import Testing

@Suite struct RenderTests {
    static let conversation = ConversationAddress(
        recipient: Participant(channelUserID: "1111111", displayName: "Ada Lovelace"),
        threadKey: "1111111",
        inReplyTo: "1111111:1365"
    )

    /// About 10 000 characters of sentences full of characters HTML reserves.
    static let longText: String = {
        let sentences = [
            "Our bread & butter pudding uses <fresh> brioche.",
            "Prices for gluten-free loaves are > $5 & < $9 depending on size!",
            "Ask us about the \"Baker's dozen\" deal, where 13 > 12.",
            "We can't ship cakes & pastries, but we deliver within 5 km?",
        ]
        var text = ""
        var index = 0
        while text.count < 10_000 {
            text += (text.isEmpty ? "" : " ") + sentences[index % sentences.count]
            index += 1
        }
        return text
    }()

    /// What Telegram shows for HTML-escaped text.
    static func unescapeHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Whether every `&` starts one of the three entities the adapter writes.
    static func hasOnlyWholeEntities(_ text: String) -> Bool {
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            let tail = rest[ampersand...]
            guard tail.hasPrefix("&amp;") || tail.hasPrefix("&lt;") || tail.hasPrefix("&gt;") else { return false }
            rest = rest[rest.index(after: ampersand)...]
        }
        return true
    }

    @Test func splitsTenThousandCharactersOnSentencesWithCorrectHTMLEscaping() throws {
        let reply = OutboundMessage(id: "rep-1", text: Self.longText, quickReplies: [QuickReply(title: "Order now", payload: "ORDER")])
        let requests = try providerRequests(TestBot.adapter().render(reply, for: Self.conversation))
        #expect(requests.count >= 3)

        var shown: [String] = []
        for (index, request) in requests.enumerated() {
            #expect(request.url == "https://api.telegram.org/bot\(TestBot.token.value)/sendMessage")
            let body = try jsonObject(request.body)
            guard case .string(let text)? = body["text"] else {
                Issue.record("part \(index) has no text: \(body)")
                continue
            }
            #expect(text.utf16.count <= 4096, "part \(index) is \(text.utf16.count) long")
            #expect(!text.contains("<") && !text.contains(">"), "part \(index) has an unescaped bracket")
            #expect(Self.hasOnlyWholeEntities(text), "part \(index) has a broken or unescaped &")
            #expect(text.hasSuffix(".") || text.hasSuffix("!") || text.hasSuffix("?"), "part \(index) does not end on a sentence")
            #expect(body["parse_mode"] == .string("HTML"))
            #expect(body["chat_id"] == .number(1_111_111))
            #expect((body["reply_parameters"] != nil) == (index == 0), "only the first part answers the customer's message")
            #expect((body["reply_markup"] != nil) == (index == requests.count - 1), "only the last part carries the keyboard")
            shown.append(Self.unescapeHTML(text))
        }
        #expect(shown.joined(separator: " ") == Self.longText, "nothing is lost or changed")
    }

    @Test func splitsSmallerWhenEscapingMakesAPartTooLong() throws {
        // 4000 characters fit the limit plain, but "&" becomes "&amp;": escaped they do not.
        let text = String(repeating: "A & B. ", count: 571).trimmingCharacters(in: .whitespaces)
        #expect(text.count <= 4096)
        let requests = try providerRequests(TestBot.adapter().render(OutboundMessage(id: "rep-2", text: text), for: Self.conversation))
        #expect(requests.count >= 2)
        var shown: [String] = []
        for request in requests {
            guard case .string(let part)? = try jsonObject(request.body)["text"] else { throw TestFailure(description: "no text") }
            #expect(part.utf16.count <= 4096)
            #expect(Self.hasOnlyWholeEntities(part))
            shown.append(Self.unescapeHTML(part))
        }
        #expect(shown.joined(separator: " ") == text)
    }

    @Test func repliesToTheCustomersMessageAndShowsQuickReplies() throws {
        let reply = OutboundMessage(
            id: "rep-3",
            text: "Which loaf would you like?",
            quickReplies: [QuickReply(title: "Sourdough", payload: "LOAF_SOURDOUGH"), QuickReply(title: "Rye")]
        )
        let requests = try providerRequests(TestBot.adapter().render(reply, for: Self.conversation))
        let request = try #require(requests.first)
        #expect(requests.count == 1)
        #expect(request.method == "POST")
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(try jsonObject(request.body) == [
            "chat_id": .number(1_111_111),
            "text": .string("Which loaf would you like?"),
            "parse_mode": .string("HTML"),
            "reply_parameters": .object(["message_id": .number(1365), "allow_sending_without_reply": .bool(true)]),
            "reply_markup": .object(["inline_keyboard": .array([
                .array([.object(["text": .string("Sourdough"), "callback_data": .string("LOAF_SOURDOUGH")])]),
                .array([.object(["text": .string("Rye"), "callback_data": .string("Rye")])]),
            ])]),
        ])
    }

    @Test func keepsCallbackDataWithin64Bytes() throws {
        let longPayload = String(repeating: "x", count: 65)
        let longTitle = String(repeating: "🥐", count: 20) // 80 bytes
        let reply = OutboundMessage(id: "rep-4", text: "Pick one", quickReplies: [
            QuickReply(title: "Croissant", payload: longPayload),
            QuickReply(title: longTitle, payload: longPayload),
        ])
        let body = try jsonObject(try #require(providerRequests(TestBot.adapter().render(reply, for: Self.conversation)).first).body)
        guard case .object(let markup)? = body["reply_markup"], case .array(let rows)? = markup["inline_keyboard"],
              case .array(let first)? = rows.first, case .object(let fallback)? = first.first,
              case .array(let second)? = rows.last, case .object(let cut)? = second.first,
              case .string(let cutData)? = cut["callback_data"] else {
            throw TestFailure(description: "unexpected keyboard: \(body)")
        }
        #expect(fallback["callback_data"] == .string("Croissant"), "a payload too long falls back to the title")
        #expect(cutData.utf8.count <= 64)
        #expect(cutData == String(repeating: "🥐", count: 16), "cut at a character boundary")
    }

    @Test func escapesForMarkdownV2() throws {
        let adapter = try TestBot.adapter(settings: ["parseMode": .string("MarkdownV2")])
        let reply = OutboundMessage(id: "rep-5", text: "A loaf is $5.50 (or 2 for $10)! Call +1-555_0123 #bread")
        let body = try jsonObject(try #require(providerRequests(adapter.render(reply, for: Self.conversation)).first).body)
        #expect(body["parse_mode"] == .string("MarkdownV2"))
        #expect(body["text"] == .string(##"A loaf is $5\.50 \(or 2 for $10\)\! Call \+1\-555\_0123 \#bread"##))
    }

    @Test func sendsPlainTextUnescapedWithoutParseMode() throws {
        let adapter = try TestBot.adapter(settings: ["parseMode": .string("plain")])
        let reply = OutboundMessage(id: "rep-6", text: "Fish & chips <3")
        let body = try jsonObject(try #require(providerRequests(adapter.render(reply, for: Self.conversation)).first).body)
        #expect(body["parse_mode"] == nil)
        #expect(body["text"] == .string("Fish & chips <3"))
    }

    @Test(arguments: [
        ("1111111:1365:edit:1441645600", JSONValue.number(1365)),
        ("1111111:callback:4382bfdwdsb323b2d9", nil),
        ("2222222:1365", nil),
        ("msg-1001", nil),
    ] as [(String, JSONValue?)])
    func repliesOnlyToAMessageOfTheSameChat(inReplyTo: String, messageID: JSONValue?) throws {
        let conversation = ConversationAddress(recipient: Self.conversation.recipient, threadKey: "1111111", inReplyTo: inReplyTo)
        let body = try jsonObject(try #require(providerRequests(TestBot.adapter().render(OutboundMessage(id: "r", text: "Hi"), for: conversation)).first).body)
        if case .object(let parameters)? = body["reply_parameters"] {
            #expect(parameters["message_id"] == messageID)
        } else {
            #expect(messageID == nil)
        }
    }

    @Test func sendsAttachmentsAfterTheText() throws {
        let reply = OutboundMessage(id: "rep-7", text: "Here is our menu.", attachments: [
            Attachment(kind: .image, url: "https://cdn.example/menu.jpg", caption: "Menu & prices"),
            Attachment(kind: .file, providerMediaID: "BQACAgQAAxkBAAIBZGDoc", filename: "menu.pdf"),
            Attachment(kind: .location, url: "geo:51.500729,-0.124625"),
            Attachment(kind: .image),
        ])
        let requests = try providerRequests(TestBot.adapter().render(reply, for: Self.conversation))
        #expect(requests.map { $0.url.components(separatedBy: "/").last } == ["sendMessage", "sendPhoto", "sendDocument", "sendLocation"])
        #expect(try jsonObject(requests[1].body) == [
            "chat_id": .number(1_111_111),
            "photo": .string("https://cdn.example/menu.jpg"),
            "caption": .string("Menu &amp; prices"),
            "parse_mode": .string("HTML"),
        ])
        #expect(try jsonObject(requests[2].body) == ["chat_id": .number(1_111_111), "document": .string("BQACAgQAAxkBAAIBZGDoc")])
        #expect(try jsonObject(requests[3].body) == ["chat_id": .number(1_111_111), "latitude": .number(51.500729), "longitude": .number(-0.124625)])
    }

    @Test func anAttachmentWithoutTextCarriesTheReplyAndTheKeyboard() throws {
        let reply = OutboundMessage(
            id: "rep-8",
            text: " ",
            quickReplies: [QuickReply(title: "Yes")],
            attachments: [Attachment(kind: .image, url: "https://cdn.example/cake.jpg")]
        )
        let requests = try providerRequests(TestBot.adapter().render(reply, for: Self.conversation))
        let body = try jsonObject(try #require(requests.first).body)
        #expect(requests.count == 1)
        #expect(body["reply_parameters"] != nil)
        #expect(body["reply_markup"] != nil)
    }

    @Test func refusesForGoodWhatTelegramCannotSend() throws {
        let adapter = try TestBot.adapter()
        let empty = try #require(throws: SendFailure.self) {
            try adapter.render(OutboundMessage(id: "r", text: "", quickReplies: [QuickReply(title: "Yes")]), for: Self.conversation)
        }
        #expect(!empty.isRetryable)
        let noChat = ConversationAddress(recipient: Participant(channelUserID: "1"), threadKey: "")
        let failure = try #require(throws: SendFailure.self) { try adapter.render(OutboundMessage(id: "r", text: "Hi"), for: noChat) }
        #expect(!failure.isRetryable)
    }

    @Test func splitsAtTheConfiguredLength() throws {
        let adapter = try TestBot.adapter(settings: ["maxTextLength": .number(60)])
        let text = "Your cake is ready for pickup. We close at 6pm today. See you soon & thanks!"
        let texts = try providerRequests(adapter.render(OutboundMessage(id: "r", text: text), for: Self.conversation)).map { request -> String in
            guard case .string(let part)? = try jsonObject(request.body)["text"] else { throw TestFailure(description: "no text") }
            return part
        }
        #expect(texts == ["Your cake is ready for pickup. We close at 6pm today.", "See you soon &amp; thanks!"])
    }
}
