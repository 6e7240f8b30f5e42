import ChannelKit
import Foundation
import Testing

@Suite struct WebhookRequestTests {
    @Test func decodesPercentEncodedQueryValues() {
        // Meta's webhook verification request.
        let request = WebhookRequest(
            method: "GET",
            rawQuery: "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=my%20token%2Fv1"
        )
        #expect(request.query("hub.mode") == "subscribe")
        #expect(request.query("hub.challenge") == "1158201444")
        #expect(request.query("hub.verify_token") == "my token/v1")
        #expect(request.query("missing") == nil)
    }

    @Test func readsAPlusAsASpaceAsFormsDo() {
        let request = WebhookRequest(method: "GET", rawQuery: "q=a+b&r=a%2Bb")
        #expect(request.query("q") == "a b")
        #expect(request.query("r") == "a+b")
    }

    @Test func decodesUTF8() {
        let request = WebhookRequest(method: "GET", rawQuery: "name=Jos%C3%A9%20%F0%9F%91%8B")
        #expect(request.query("name") == "José 👋")
    }

    @Test func keepsRepeatedNamesInOrder() {
        let request = WebhookRequest(method: "GET", rawQuery: "tag=a&other=x&tag=b")
        #expect(request.queryItems.map(\.name) == ["tag", "other", "tag"])
        #expect(request.queryItems.filter { $0.name == "tag" }.map(\.value) == ["a", "b"])
        #expect(request.query("tag") == "a")
    }

    @Test func tellsANameWithoutValueFromAnEmptyValue() {
        let request = WebhookRequest(method: "GET", rawQuery: "flag&empty=")
        #expect(request.queryItems.map(\.name) == ["flag", "empty"])
        #expect(request.queryItems.first?.value == nil)
        #expect(request.query("empty") == "")
    }

    @Test func anEmptyQueryHasNoItems() {
        let request = WebhookRequest(method: "POST")
        #expect(request.queryItems.isEmpty)
        #expect(request.query("anything") == nil)
    }

    @Test func upperCasesTheMethod() {
        #expect(WebhookRequest(method: "post").method == "POST")
    }
}
