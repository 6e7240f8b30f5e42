import ChannelKit
import Foundation
import TelegramChannel
import Testing

@Suite struct VerifyTests {
    @Test func acceptsTheRightSecretToken() throws {
        try TestBot.adapter().verify(TestBot.webhook(Updates.text))
    }

    @Test(arguments: [nil, ""] as [String?])
    func refusesAMissingSecretTokenWith401(token: String?) throws {
        let adapter = try TestBot.adapter()
        let error = try #require(throws: WebhookError.self) { try adapter.verify(TestBot.webhook(Updates.text, secretToken: token)) }
        #expect(error.status == 401)
        #expect(error.code == "missing_signature")
        #expect(error.message.contains("X-Telegram-Bot-Api-Secret-Token"))
    }

    @Test(arguments: ["guessed-secret", "bakery-webhook_S3cre", "bakery-webhook_S3cret ", "bakery-webhook_S3cretX", "BAKERY-WEBHOOK_S3CRET"])
    func refusesAWrongSecretTokenWith401(token: String) throws {
        let adapter = try TestBot.adapter()
        let error = try #require(throws: WebhookError.self) { try adapter.verify(TestBot.webhook(Updates.text, secretToken: token)) }
        #expect(error.status == 401)
        #expect(error.code == "invalid_signature")
        #expect(!error.message.contains(TestBot.webhookSecret.value), "the error must not reveal the secret")
    }

    @Test func acceptsOnlyPost() throws {
        let adapter = try TestBot.adapter()
        var request = TestBot.webhook(Updates.text)
        request.method = "GET"
        let error = try #require(throws: WebhookError.self) { try adapter.verify(request) }
        #expect(error.status == 405)
    }

    @Test func pollingModeRefusesWebhooksWith403() throws {
        let adapter = try TestBot.adapter(settings: ["mode": .string("polling")])
        let error = try #require(throws: WebhookError.self) { try adapter.verify(TestBot.webhook(Updates.text)) }
        #expect(error.status == 403)
        #expect(error.code == "forbidden")
        #expect(error.message.contains("polling mode"))
    }
}
