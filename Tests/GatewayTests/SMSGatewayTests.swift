import ChannelKit
import ChannelKitTesting
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import TwilioChannel

@testable import Brain
@testable import Gateway

/// SMS through the whole gateway: a Twilio-signed webhook (signed over the public URL), the
/// reply at a fake Twilio Messages API, its segments in the ledger, and STOP … START.
@Suite struct SMSGatewayTests {
    static let accountSid = "AC0123456789abcdef0123456789abcdef"
    static let authToken = Secret("f2a4c6e8b0d1f3a5c7e9b1d3f5a7c9e1")
    static let publicURL = "https://gw.example.com"

    func configuration(twilio: FakeProvider) throws -> GatewayConfiguration {
        let json = """
            {"gateway": {"publicURL": "\(Self.publicURL)", "worker": {"pollIntervalMilliseconds": 50},
                         "dispatcher": {"baseDelayMilliseconds": 20, "maxDelayMilliseconds": 100, "timeoutMilliseconds": 2000, "pollIntervalMilliseconds": 50}},
             "tenants": [{"id": "bakery", "name": "Bella's Bakery",
               "knowledgeBase": [{"id": "hours", "question": "What are your opening hours?", "answer": "Tuesday to Sunday, 7am to 6pm. Ça vous va ? 🎂", "keywords": ["open"]}],
               "channels": [{"id": "bakery-sms", "type": "sms",
                 "settings": {"accountSid": "\(Self.accountSid)", "fromNumber": "+14155550100", "apiBaseURL": "\(twilio.url(""))"},
                 "secrets": {"authToken": "env:TWILIO_AUTH_TOKEN"}}]}]}
            """
        return try ConfigurationLoader(environment: ["TWILIO_AUTH_TOKEN": Self.authToken.value]).parse(Data(json.utf8), file: "test.json")
    }

    static func fields(_ sid: String, _ body: String) -> [(String, String)] {
        [("MessageSid", sid), ("AccountSid", accountSid), ("From", "+14155550123"), ("To", "+14155550100"), ("Body", body), ("NumMedia", "0")]
    }

    func post(_ fields: [(String, String)], client: some TestClientProtocol, signed: Bool = true) async throws -> TestResponse {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.1)" }.joined(separator: "&")
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if signed {
            let signature = TwilioSignature.compute(url: Self.publicURL + "/webhooks/bakery-sms", parameters: fields.map { (name: $0.0, value: $0.1) }, authToken: Self.authToken)
            headers[HTTPField.Name("X-Twilio-Signature")!] = signature
        }
        return try await client.execute(uri: "/webhooks/bakery-sms", method: .post, headers: headers, body: ByteBuffer(string: body)) { $0 }
    }

    static func sends(_ twilio: FakeProvider) async -> [FakeProvider.RecordedRequest] {
        await twilio.requests.filter { $0.path == "/2010-04-01/Accounts/\(accountSid)/Messages.json" }
    }

    @Test func aSignedSMSIsAnsweredItsSegmentsCostedAndStopIsHonoured() async throws {
        try await FakeProvider.withRunning(defaultReply: .json(status: 201, body: #"{"sid":"SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","status":"queued"}"#)) { twilio in
            let path = temporaryDatabasePath()
            try await withGateway(try configuration(twilio: twilio), databasePath: path) { client in
                let unsigned = try await post(Self.fields("SM00000000000000000000000000000001", "When are you open?"), client: client, signed: false)
                #expect(unsigned.status == .unauthorized)

                let accepted = try await post(Self.fields("SM00000000000000000000000000000001", "When are you open?"), client: client)
                #expect(accepted.status == .ok)
                #expect(String(buffer: accepted.body).contains("<Response>"))
                let reply = try #require(try await twilio.waitForRequests(count: 1).first)
                #expect(reply.headers["Authorization"] == "Basic " + Data("\(Self.accountSid):\(Self.authToken.value)".utf8).base64EncodedString())
                #expect(reply.formField("To") == "+14155550123")
                let text = try #require(reply.formField("Body"))
                #expect(text.contains("Tuesday to Sunday"))

                // The reply's segments (UCS-2: it has an emoji) are in the tenant's ledger.
                let store = try await openStore(path)
                try await eventually("the reply is sent") { try await store.outboxCounts() == ["sent": 1] }
                let segments = SMSSegments.count(text)
                #expect(segments.encoding == .ucs2)
                let ledger = try await store.pool.read { db in
                    try Row.fetchAll(db, sql: "SELECT kind, quantity, amount_nanos FROM cost_ledger WHERE tenant_id = 'bakery'")
                        .map { ($0["kind"] as String, $0["quantity"] as Int64, $0["amount_nanos"] as Int64) }
                }
                #expect(ledger.count == 1)
                #expect(ledger.first?.0 == "sms_segment")
                #expect(ledger.first?.1 == Int64(segments.segments))
                #expect(ledger.first?.2 == Int64(segments.segments) * 7_900_000)

                // STOP, then a question (no reply), then START and a question (a reply).
                _ = try await post(Self.fields("SM00000000000000000000000000000002", "STOP"), client: client)
                _ = try await post(Self.fields("SM00000000000000000000000000000003", "What are your opening hours?"), client: client)
                try await eventually("both are processed") { try await store.inboxCounts() == ["done": 3] }
                try await Task.sleep(for: .milliseconds(200))
                #expect(await Self.sends(twilio).count == 1)
                _ = try await post(Self.fields("SM00000000000000000000000000000004", "START"), client: client)
                _ = try await post(Self.fields("SM00000000000000000000000000000005", "Are you open on Sunday?"), client: client)
                try await eventually("the customer is answered again") { await Self.sends(twilio).count == 2 }
            }
        }
    }
}
