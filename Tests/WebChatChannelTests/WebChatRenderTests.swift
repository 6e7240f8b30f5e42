import ChannelKit
import Foundation
import Testing
@testable import WebChatChannel

@Suite struct WebChatRenderTests {
    let address = ConversationAddress(recipient: Participant(channelUserID: "v_abc"), threadKey: "v_abc")

    private func entries(_ delivery: Delivery) -> [WebChatEntry] {
        guard case .liveConnection(let frames) = delivery else { return [] }
        return frames.compactMap { WebChatEntry(stored: $0.text) }
    }

    @Test func rendersAReplyAsOneAssistantEntry() throws {
        let adapter = try WebChatTestChannel.adapter()
        let reply = OutboundMessage(id: "msg_1", text: "We're open 7am to 6pm.", quickReplies: [QuickReply(title: "Location")])
        let rendered = entries(try adapter.render(reply, for: address))
        #expect(rendered == [WebChatEntry(role: .assistant, id: "msg_1", text: "We're open 7am to 6pm.", quickReplies: [QuickReply(title: "Location")])])
    }

    @Test func splitsLongRepliesWithQuickRepliesOnTheLastPart() throws {
        let adapter = try WebChatTestChannel.adapter()
        let sentence = String(repeating: "Our sourdough is baked every morning. ", count: 150)
        let rendered = entries(try adapter.render(OutboundMessage(id: "msg_2", text: sentence, quickReplies: [QuickReply(title: "Order")]), for: address))
        #expect(rendered.count == 2)
        #expect(rendered.map(\.id) == ["msg_2-1", "msg_2-2"])
        #expect(rendered.allSatisfy { $0.text.count <= 4000 })
        #expect(rendered[0].quickReplies == nil)
        #expect(rendered[1].quickReplies == [QuickReply(title: "Order")])
    }

    @Test func refusesAnEmptyReply() throws {
        let adapter = try WebChatTestChannel.adapter()
        #expect(throws: SendFailure.self) { _ = try adapter.render(OutboundMessage(id: "m", text: ""), for: address) }
    }

    @Test func hasNoWebhook() throws {
        let adapter = try WebChatTestChannel.adapter()
        let request = WebhookRequest(method: "POST", subpath: "", rawQuery: "", headers: HeaderFields(), body: Data(), publicURL: "http://x/webhooks/site-chat")
        #expect { try adapter.verify(request) } throws: { ($0 as? WebhookError)?.status == 404 }
    }

    @Test func messageFramesCarryTheirSequenceAndTime() throws {
        let entry = WebChatEntry(role: .visitor, id: "v_abc/c1", clientMessageId: "c1", text: "Hi </script>")
        let frame = entry.frame(seq: 7, sentAt: Date(timeIntervalSince1970: 1_790_000_000.25))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(frame.utf8)) as? [String: Any])
        #expect(object["type"] as? String == "message")
        #expect(object["seq"] as? Int == 7)
        #expect(object["role"] as? String == "visitor")
        #expect(object["clientMessageId"] as? String == "c1")
        #expect(object["text"] as? String == "Hi </script>")
        #expect(object["sentAt"] as? String == "2026-09-21T14:13:20.250Z")
    }

    @Test func widgetScriptGetsAScriptSafeConfig() throws {
        let settings = try WebChatTestChannel.adapter(settings: ["title": .string("Bella's </script><script>alert(1)</script>")]).settings
        let script = WebChatAssets.widgetScript(channelID: "site-chat", settings: settings)
        #expect(!script.contains("__OCG_CONFIG__"))
        #expect(!script.contains("</script><script>alert"))
        #expect(script.contains(#""socketPath":"/chat/site-chat/socket""#))
        let page = WebChatAssets.demoPage(channelID: "site-chat", settings: settings)
        #expect(page.contains("Bella&#39;s &lt;/script&gt;"))
        #expect(page.contains("/chat/site-chat/widget.js"))
        #expect(!page.contains("__TITLE__") && !page.contains("__WIDGET_SRC__"))
    }
}
