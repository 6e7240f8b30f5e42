import ChannelKit
import EmailChannel
import Foundation
import Testing

@Suite struct SendResultTests {
    static func result(_ status: Int, _ body: String = "", headers: HeaderFields = [:]) throws(SendFailure) -> SendReceipt {
        let adapter: SendGridEmailAdapter
        do { adapter = try TestMailbox.adapter() } catch { throw SendFailure(isRetryable: false, reason: "configuration") }
        return try adapter.parseSendResult(
            ProviderResponse(status: status, headers: headers, body: Data(body.utf8)),
            for: ProviderRequest(url: "https://api.sendgrid.com/v3/mail/send")
        )
    }

    @Test func anAcceptedEmailHasItsMessageID() throws {
        let receipt = try Self.result(202, headers: ["X-Message-Id": "LRzXl_NHStOGhQ4kofSm_A", "Content-Length": "0"])
        #expect(receipt.providerMessageID == "LRzXl_NHStOGhQ4kofSm_A")
        #expect(try Self.result(200).providerMessageID == nil)
    }

    @Test func aBadRequestIsPermanentWithSendGridsMessages() throws {
        let body = #"{"errors":[{"message":"The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved. Visit https://sendgrid.com/docs/for-developers/sending-email/sender-identity/ to see the Sender Identity requirements","field":"from","help":null}]}"#
        let failure = try #require(throws: SendFailure.self) { try Self.result(403, body) }
        #expect(!failure.isRetryable)
        #expect(failure.status == 403)
        #expect(failure.providerCode == "from")
        #expect(failure.reason.contains("does not match a verified Sender Identity"))
        #expect(failure.reason.count <= 300)

        let invalid = try #require(throws: SendFailure.self) {
            try Self.result(400, #"{"errors":[{"message":"Does not contain a valid address.","field":"personalizations.0.to.0.email","help":"http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#message.personalizations.to"},{"message":"The subject is required.","field":"subject","help":null}]}"#)
        }
        #expect(!invalid.isRetryable)
        #expect(invalid.reason == "SendGrid answered 400: Does not contain a valid address. (personalizations.0.to.0.email); The subject is required. (subject)")
    }

    @Test func authenticationAndSizeErrorsArePermanentAndNeverEchoTheKey() throws {
        let body = #"{"errors":[{"message":"The provided authorization grant is invalid, expired, or revoked: \#(TestMailbox.apiKey.value)","field":null,"help":null}]}"#
        let failure = try #require(throws: SendFailure.self) { try Self.result(401, body) }
        #expect(!failure.isRetryable)
        #expect(!failure.reason.contains(TestMailbox.apiKey.value))
        #expect(!failure.reason.contains("SG.ngeVfQ"))
        #expect(failure.reason.contains("secrets.apiKey"))
        let large = try #require(throws: SendFailure.self) { try Self.result(413, "") }
        #expect(!large.isRetryable)
        #expect(large.reason.contains("too large"))
    }

    @Test func aRateLimitIsRetriedWhenItResets() throws {
        let body = #"{"errors":[{"field":null,"message":"too many requests"}]}"#
        let reset = String(Int(TestMailbox.now.timeIntervalSince1970) + 42)
        let limited = try #require(throws: SendFailure.self) {
            try Self.result(429, body, headers: ["X-RateLimit-Limit": "600", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset])
        }
        #expect(limited.isRetryable)
        #expect(limited.retryAfter == .seconds(42))
        #expect(limited.reason.contains("too many requests"))
        let withRetryAfter = try #require(throws: SendFailure.self) { try Self.result(429, body, headers: ["Retry-After": "7", "X-RateLimit-Reset": reset]) }
        #expect(withRetryAfter.retryAfter == .seconds(7))
        let past = try #require(throws: SendFailure.self) { try Self.result(429, body, headers: ["X-RateLimit-Reset": "1000"]) }
        #expect(past.retryAfter == .seconds(1))
    }

    @Test func outagesAreRetryable() throws {
        for status in [500, 502, 503] {
            let failure = try #require(throws: SendFailure.self) { try Self.result(status, "<html>Bad Gateway</html>") }
            #expect(failure.isRetryable)
            #expect(failure.reason == "SendGrid answered \(status)")
        }
    }
}
