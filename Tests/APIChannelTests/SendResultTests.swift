import APIChannel
import ChannelKit
import Foundation
import Testing

@Suite struct SendResultTests {
    /// The request the answers below answer: its idempotency key is the reply part's id.
    static let sentRequest = ProviderRequest(url: "https://integrator.example/replies", headers: ["Idempotency-Key": "rep-7f2c"])

    @Test func takesTheIntegratorsIDFromA200() throws {
        let response = ProviderResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data(#"{"id":"int-991","status":"queued"}"#.utf8))
        let receipt = try TestChannel.adapter().parseSendResult(response, for: Self.sentRequest)
        #expect(receipt.providerMessageID == "int-991")
    }

    @Test(arguments: ["", "OK", #"{"ok":true}"#, #"{"id":42}"#, #"["int-991"]"#])
    func fallsBackToThePartIDWithoutAnIntegratorID(body: String) throws {
        let adapter = try TestChannel.adapter()
        for status in [200, 202, 204] {
            let receipt = try adapter.parseSendResult(ProviderResponse(status: status, body: Data(body.utf8)), for: Self.sentRequest)
            #expect(receipt.providerMessageID == "rep-7f2c")
        }
    }

    @Test func retriesA429AfterTheDelayAsked() throws {
        let adapter = try TestChannel.adapter()
        let failure = try #require(throws: SendFailure.self) {
            try adapter.parseSendResult(ProviderResponse(status: 429, headers: ["Retry-After": "7"]), for: Self.sentRequest)
        }
        #expect(failure.isRetryable)
        #expect(failure.retryAfter == .seconds(7))
        #expect(failure.status == 429)
    }

    @Test(arguments: [408, 425, 500, 502, 503, 504])
    func retriesTimeoutsAndServerErrors(status: Int) throws {
        let adapter = try TestChannel.adapter()
        let failure = try #require(throws: SendFailure.self) {
            try adapter.parseSendResult(ProviderResponse(status: status), for: Self.sentRequest)
        }
        #expect(failure.isRetryable)
        #expect(failure.retryAfter == nil)
        #expect(failure.status == status)
    }

    @Test(arguments: [400, 401, 403, 404, 410, 413, 422])
    func givesUpOnOtherClientErrors(status: Int) throws {
        let adapter = try TestChannel.adapter()
        let failure = try #require(throws: SendFailure.self) {
            try adapter.parseSendResult(ProviderResponse(status: status), for: Self.sentRequest)
        }
        #expect(!failure.isRetryable)
        #expect(failure.status == status)
    }

    @Test func keepsTheIntegratorsErrorCode() throws {
        let adapter = try TestChannel.adapter()
        let body = #"{"error":{"code":"unknown_recipient","message":"No customer customer-42"}}"#
        let failure = try #require(throws: SendFailure.self) {
            try adapter.parseSendResult(ProviderResponse(status: 400, body: Data(body.utf8)), for: Self.sentRequest)
        }
        #expect(!failure.isRetryable)
        #expect(failure.providerCode == "unknown_recipient")
        #expect(!failure.reason.contains("customer-42"), "the reason must not echo the integrator's message")
    }
}
