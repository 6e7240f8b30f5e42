import ChannelKit
import ChannelKitTesting
import Foundation
import Testing
import TwilioChannel

/// The adapter's requests sent for real, over HTTP, to a fake Twilio API on 127.0.0.1.
@Suite struct FakeTwilioTests {
    static let conversation = RenderTests.conversation
    static let path = "/2010-04-01/Accounts/\(TestAccount.accountSid)/Messages.json"

    @Test func sendsAMessageAndReadsItsSid() async throws {
        try await FakeProvider.withRunning(defaultReply: .json(status: 201, body: SendResultTests.created)) { provider in
            let adapter = try TestAccount.adapter(settings: ["apiBaseURL": .string(provider.baseURL)])
            let request = try onlyRequest(adapter.render(OutboundMessage(id: "r1", text: "Your **order** is ready!"), for: Self.conversation))
            let receipt = try adapter.parseSendResult(try await request.send(), for: request)
            #expect(receipt.providerMessageID == "SM5c3e2b4e3f0a4b2c8d1e7f6a9b0c1d2e")

            let received = try #require(try await provider.waitForRequests(count: 1).first)
            #expect(received.method == "POST")
            #expect(received.path == Self.path)
            #expect(received.headers["Authorization"] == "Basic " + Data("\(TestAccount.accountSid):\(TestAccount.authToken.value)".utf8).base64EncodedString())
            #expect(received.headers["Content-Type"] == "application/x-www-form-urlencoded")
            #expect(received.formField("To") == "+14155550123")
            #expect(received.formField("From") == TestAccount.fromNumber)
            #expect(received.formField("Body") == "Your order is ready!")
        }
    }

    @Test func anInvalidNumberIsPermanent() async throws {
        let body = SendResultTests.error(21211, "The 'To' number 555 is not a valid phone number.", status: 400)
        try await FakeProvider.withRunning(defaultReply: .json(status: 400, body: body)) { provider in
            let adapter = try TestAccount.adapter(settings: ["apiBaseURL": .string(provider.baseURL)])
            let request = try onlyRequest(adapter.render(OutboundMessage(id: "r1", text: "Hi"), for: Self.conversation))
            let response = try await request.send()
            let failure = try #require(throws: SendFailure.self) { try adapter.parseSendResult(response, for: request) }
            #expect(!failure.isRetryable)
            #expect(failure.status == 400)
            #expect(failure.providerCode == "21211")
        }
    }

    @Test func aRateLimitIsRetriedAfterTheDelayTwilioGives() async throws {
        let body = SendResultTests.error(20429, "Too Many Requests", status: 429)
        try await FakeProvider.withRunning(defaultReply: .rateLimited(retryAfterSeconds: 3, json: body)) { provider in
            let adapter = try TestAccount.adapter(settings: ["apiBaseURL": .string(provider.baseURL)])
            let request = try onlyRequest(adapter.render(OutboundMessage(id: "r1", text: "Hi"), for: Self.conversation))
            let response = try await request.send()
            let failure = try #require(throws: SendFailure.self) { try adapter.parseSendResult(response, for: request) }
            #expect(failure.isRetryable)
            #expect(failure.retryAfter == .seconds(3))
            #expect(failure.providerCode == "20429")
        }
    }
}
