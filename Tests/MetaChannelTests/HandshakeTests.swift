import ChannelKit
import Foundation
import MetaChannel
import Testing

@Suite struct HandshakeTests {
    static func verification(token: String, challenge: String? = "1158201444") -> WebhookRequest {
        var query = "hub.mode=subscribe&hub.verify_token=\(token)"
        if let challenge { query += "&hub.challenge=\(challenge)" }
        return WebhookRequest(method: "GET", rawQuery: query)
    }

    @Test func echoesTheChallengeForTheRightToken() throws {
        for adapter in [try WhatsAppTestChannel.adapter() as any ChannelAdapter, try InstagramTestChannel.adapter()] {
            let response = try #require(try adapter.handshake(Self.verification(token: "test-verify-token")))
            #expect(response.status == 200)
            #expect(response.headers["Content-Type"]?.hasPrefix("text/plain") == true)
            #expect(String(decoding: response.body, as: UTF8.self) == "1158201444")
        }
    }

    @Test func refusesAnotherToken() throws {
        for adapter in [try WhatsAppTestChannel.adapter() as any ChannelAdapter, try InstagramTestChannel.adapter()] {
            let error = try #require(throws: WebhookError.self) {
                try adapter.handshake(Self.verification(token: "guessed-token"))
            }
            #expect(error.status == 403)
            #expect(error.code == "forbidden")
            #expect(!error.message.contains("test-verify-token"))
        }
    }

    @Test func refusesAVerificationWithoutChallenge() throws {
        let adapter = try WhatsAppTestChannel.adapter()
        let error = try #require(throws: WebhookError.self) {
            try adapter.handshake(Self.verification(token: "test-verify-token", challenge: nil))
        }
        #expect(error.status == 400)
    }

    @Test func isNilForAnythingElse() throws {
        let adapter = try WhatsAppTestChannel.adapter()
        #expect(try adapter.handshake(MetaApp.signedRequest(WhatsAppPayloads.text)) == nil)
        #expect(try adapter.handshake(WebhookRequest(method: "GET")) == nil)
        #expect(try adapter.handshake(WebhookRequest(method: "GET", rawQuery: "hub.mode=unsubscribe")) == nil)
        var post = Self.verification(token: "test-verify-token")
        post.method = "POST"
        #expect(try adapter.handshake(post) == nil)
    }
}
