import ChannelKit
import Foundation
import Testing
import TwilioChannel

@Suite struct SendResultTests {
    static let created = #"{"account_sid":"AC0123456789abcdef0123456789abcdef","api_version":"2010-04-01","body":"Hi","date_created":"Thu, 24 Aug 2023 05:01:45 +0000","direction":"outbound-api","error_code":null,"error_message":null,"from":"+14155550100","messaging_service_sid":null,"num_media":"0","num_segments":"1","price":null,"price_unit":"USD","sid":"SM5c3e2b4e3f0a4b2c8d1e7f6a9b0c1d2e","status":"queued","to":"+14155550123","uri":"/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/SM5c3e2b4e3f0a4b2c8d1e7f6a9b0c1d2e.json"}"#

    static func error(_ code: Int, _ message: String, status: Int) -> String {
        #"{"code": \#(code), "message": "\#(message)", "more_info": "https://www.twilio.com/docs/errors/\#(code)", "status": \#(status)}"#
    }

    static func result(_ status: Int, _ body: String, headers: HeaderFields = [:]) throws(SendFailure) -> SendReceipt {
        let adapter: SMSChannelAdapter
        do { adapter = try TestAccount.adapter() } catch { throw SendFailure(isRetryable: false, reason: "configuration") }
        return try adapter.parseSendResult(ProviderResponse(status: status, headers: headers, body: Data(body.utf8)), for: ProviderRequest(url: "x"))
    }

    @Test func readsTheMessageSid() throws {
        #expect(try Self.result(201, Self.created).providerMessageID == "SM5c3e2b4e3f0a4b2c8d1e7f6a9b0c1d2e")
        #expect(try Self.result(200, "not json").providerMessageID == nil)
    }

    @Test func anInvalidNumberIsPermanent() throws {
        let failure = try #require(throws: SendFailure.self) {
            try Self.result(400, Self.error(21211, "The 'To' number +1415555 is not a valid phone number.", status: 400))
        }
        #expect(!failure.isRetryable)
        #expect(failure.status == 400)
        #expect(failure.providerCode == "21211")
        #expect(failure.reason == "The 'To' number +1415555 is not a valid phone number.")
    }

    @Test func anUnsubscribedRecipientIsPermanentAndSaysSo() throws {
        let failure = try #require(throws: SendFailure.self) {
            try Self.result(400, Self.error(21610, "Attempt to send to unsubscribed recipient", status: 400))
        }
        #expect(!failure.isRetryable)
        #expect(failure.providerCode == "21610")
        #expect(failure.reason.contains("unsubscribed"))
        #expect(failure.reason.contains("START"))
    }

    @Test func rateLimitsAndOutagesAreRetryable() throws {
        let limited = try #require(throws: SendFailure.self) {
            try Self.result(429, Self.error(20429, "Too Many Requests", status: 429), headers: ["Retry-After": "5"])
        }
        #expect(limited.isRetryable)
        #expect(limited.retryAfter == .seconds(5))
        #expect(limited.providerCode == "20429")

        let outage = try #require(throws: SendFailure.self) { try Self.result(503, "") }
        #expect(outage.isRetryable)
        #expect(outage.reason == "Twilio answered 503")
    }

    @Test func anAuthenticationErrorIsPermanent() throws {
        let failure = try #require(throws: SendFailure.self) { try Self.result(401, Self.error(20003, "Authenticate", status: 401)) }
        #expect(!failure.isRetryable)
        #expect(failure.providerCode == "20003")
    }
}
