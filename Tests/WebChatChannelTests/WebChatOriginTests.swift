import Testing
import WebChatChannel

@Suite struct WebChatOriginTests {
    @Test(arguments: [
        ("https://Shop.Example", "https://shop.example"),
        ("https://shop.example:443", "https://shop.example"),
        ("http://shop.example:80/", "http://shop.example"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("*", "*"),
    ])
    func normalizes(_ text: String, _ expected: String) {
        #expect(WebChatOrigin.normalize(text) == expected)
    }

    @Test(arguments: ["shop.example", "https://shop.example/chat", "https://shop.example?x=1", "file:///tmp/a.html", "null", ""])
    func refusesWhatIsNotAnOrigin(_ text: String) {
        #expect(WebChatOrigin.normalize(text) == nil)
    }

    @Test func allowsOwnAndListedOriginsOnly() {
        let allowed = ["https://shop.example"]
        let own = ["http://127.0.0.1:8080"]
        #expect(WebChatOrigin.isAllowed("https://shop.example", allowed: allowed, own: own))
        #expect(WebChatOrigin.isAllowed("https://SHOP.example:443", allowed: allowed, own: own))
        #expect(WebChatOrigin.isAllowed("http://127.0.0.1:8080", allowed: allowed, own: own))
        #expect(!WebChatOrigin.isAllowed("https://evil.example", allowed: allowed, own: own))
        #expect(!WebChatOrigin.isAllowed("http://shop.example", allowed: allowed, own: own))
        #expect(!WebChatOrigin.isAllowed("https://shop.example.evil.example", allowed: allowed, own: own))
        #expect(!WebChatOrigin.isAllowed(nil, allowed: allowed, own: own))
        #expect(!WebChatOrigin.isAllowed("null", allowed: ["*"], own: own))
        #expect(WebChatOrigin.isAllowed("https://anyone.example", allowed: ["*"], own: own))
    }
}
