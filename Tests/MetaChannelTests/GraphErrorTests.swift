import ChannelKit
import Foundation
import MetaChannel
import Testing

@Suite struct GraphErrorTests {
    static func errorBody(code: Int, subcode: Int? = nil, message: String) -> Data {
        let subcodeField = subcode.map { #","error_subcode":\#($0)"# } ?? ""
        return Data(#"{"error":{"message":"\#(message)","type":"OAuthException","code":\#(code)\#(subcodeField),"error_data":{"messaging_product":"whatsapp","details":"details"},"fbtrace_id":"Az8or2yhqkZfEZ-_4Qn_Bam"}}"#.utf8)
    }

    @Test func readsTheErrorObject() throws {
        let error = try #require(GraphError(body: Self.errorBody(code: 130429, subcode: 2494055, message: "(#130429) Rate limit hit")))
        #expect(error.code == 130429)
        #expect(error.subcode == 2494055)
        #expect(error.message == "(#130429) Rate limit hit")
        #expect(error.type == "OAuthException")
        #expect(error.traceID == "Az8or2yhqkZfEZ-_4Qn_Bam")
        #expect(error.summary == "130429/2494055: (#130429) Rate limit hit")
        #expect(error.isRetryable)
    }

    @Test func readsNoErrorFromOtherBodies() {
        for body in ["", "not json", "{}", #"{"error":"text"}"#, #"{"error":{"message":"no code"}}"#, "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["] {
            #expect(GraphError(body: Data(body.utf8)) == nil)
        }
    }

    @Test(arguments: [4, 17, 32, 613, 80007, 130429, 131048, 131056])
    func rateLimitCodesAreRetryableWhateverTheStatus(code: Int) throws {
        let response = ProviderResponse(status: 400, headers: ["Retry-After": "12"], body: Self.errorBody(code: code, message: "(#\(code)) Too many calls"))
        let failure = try #require(GraphError.failure(for: response))
        #expect(failure.isRetryable)
        #expect(failure.retryAfter == .seconds(12))
        #expect(failure.providerCode == String(code))
        #expect(failure.status == 400)
    }

    @Test(arguments: [429, 500, 502, 503])
    func throttlingAndServerStatusesAreRetryable(status: Int) throws {
        let failure = try #require(GraphError.failure(for: ProviderResponse(status: status, body: Data("<html>".utf8))))
        #expect(failure.isRetryable)
        #expect(failure.providerCode == nil)
        #expect(failure.reason == "the Graph API answered \(status)")
    }

    @Test func otherCodesArePermanentWithCodeAndSubcode() throws {
        let body = Self.errorBody(code: 100, subcode: 33, message: "(#100) Invalid parameter")
        let failure = try #require(GraphError.failure(for: ProviderResponse(status: 400, body: body)))
        #expect(!failure.isRetryable)
        #expect(failure.retryAfter == nil)
        #expect(failure.providerCode == "100")
        #expect(failure.reason.contains("100/33: (#100) Invalid parameter"))
    }

    @Test func aSuccessIsNoFailureButAnErrorIn200Is() throws {
        #expect(GraphError.failure(for: ProviderResponse(status: 200, body: Data(#"{"success":true}"#.utf8))) == nil)
        let failure = try #require(GraphError.failure(for: ProviderResponse(status: 200, body: Self.errorBody(code: 131047, message: "Re-engagement message"))))
        #expect(!failure.isRetryable)
        #expect(failure.providerCode == "131047")
    }

    @Test func longMessagesAreCutToOneLine() throws {
        let long = String(repeating: "a", count: 500)
        let error = try #require(GraphError(body: Self.errorBody(code: 1, message: long + "\\nsecond line")))
        let message = try #require(error.message)
        #expect(message.count == 200)
        #expect(!message.contains("\n"))
    }
}
