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

/// A phone call through the whole gateway: Twilio-signed voice webhooks answered with TwiML in
/// the same response, turn by turn (speech, a silence, a handoff to staff), then the call's
/// minutes recorded once from its status callback.
@Suite struct VoiceGatewayTests {
    static let accountSid = "AC0123456789abcdef0123456789abcdef"
    static let authToken = Secret("f2a4c6e8b0d1f3a5c7e9b1d3f5a7c9e1")
    static let publicURL = "https://gw.example.com"
    static let callSid = "CA5f4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d"

    func configuration(callsPerDay: Int = 10) throws -> GatewayConfiguration {
        let json = """
            {"gateway": {"publicURL": "\(Self.publicURL)"},
             "tenants": [{"id": "bakery", "name": "Bella's Bakery",
               "limits": {"customerDailyCalls": \(callsPerDay)},
               "knowledgeBase": [{"id": "hours", "question": "What are your opening hours?", "answer": "We are open **Tuesday to Sunday**, 07:00 to 18:00. See https://bella.example.com/hours", "keywords": ["open"]}],
               "channels": [{"id": "bakery-voice", "type": "voice",
                 "settings": {"accountSid": "\(Self.accountSid)", "greeting": "Hello, this is Bella's Bakery.", "humanNumber": "+14155550199",
                              "farewell": "Thanks for calling. Goodbye!"},
                 "secrets": {"authToken": "env:TWILIO_AUTH_TOKEN"}}]}]}
            """
        return try ConfigurationLoader(environment: ["TWILIO_AUTH_TOKEN": Self.authToken.value]).parse(Data(json.utf8), file: "test.json")
    }

    static func callFields(_ extra: [(String, String)] = [], status: String = "in-progress", callSid: String = callSid) -> [(String, String)] {
        [("AccountSid", accountSid), ("ApiVersion", "2010-04-01"), ("CallSid", callSid), ("CallStatus", status),
         ("Called", "+14155550100"), ("Caller", "+14155550123"), ("Direction", "inbound"),
         ("From", "+14155550123"), ("To", "+14155550100")] + extra
    }

    /// POSTs form `fields` to `pathAndQuery`, signed over the public URL Twilio would use.
    func post(_ fields: [(String, String)], to pathAndQuery: String, client: some TestClientProtocol) async throws -> (HTTPResponse.Status, String) {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.1)" }.joined(separator: "&")
        let signature = TwilioSignature.compute(url: Self.publicURL + pathAndQuery, parameters: fields.map { (name: $0.0, value: $0.1) }, authToken: Self.authToken)
        let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("X-Twilio-Signature")!: signature]
        let response = try await client.execute(uri: pathAndQuery, method: .post, headers: headers, body: ByteBuffer(string: body)) { $0 }
        return (response.status, String(buffer: response.body))
    }

    /// The `action` URL of the TwiML's `<Gather>` or `<Dial>`, XML-unescaped.
    func action(in twiml: String) throws -> String {
        let match = try #require(twiml.firstMatch(of: /action="([^"]+)"/))
        return String(match.1).replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func aCallOfThreeTurnsWithASilenceAndAHandoffIsBilledOnce() async throws {
        let path = temporaryDatabasePath()
        try await withGateway(try configuration(), databasePath: path) { client in
            let (status, greeting) = try await post(Self.callFields(status: "ringing"), to: "/webhooks/bakery-voice", client: client)
            #expect(status == .ok)
            #expect(greeting.contains("Hello, this is Bella&apos;s Bakery.") || greeting.contains("Hello, this is Bella's Bakery."))
            #expect(greeting.contains("<Gather"))
            let turn1 = try action(in: greeting)

            // Turn 1: a question from the knowledge base, answered in speakable words.
            let (_, answer) = try await post(Self.callFields([("SpeechResult", "When are you open?"), ("Confidence", "0.92")]), to: turn1, client: client)
            #expect(answer.contains("Tuesday to Sunday"))
            #expect(!answer.contains("**"))
            #expect(!answer.contains("https://"))
            #expect(answer.contains("<Gather"))
            // Twilio retrying the same turn gets the same answer, not a second one.
            let (_, again) = try await post(Self.callFields([("SpeechResult", "When are you open?"), ("Confidence", "0.92")]), to: turn1, client: client)
            #expect(again == answer)
            let turn2 = try action(in: answer)
            #expect(turn2 != turn1)

            // Turn 2: silence, re-prompted once on the same turn.
            let (_, reprompt) = try await post(Self.callFields(), to: turn2, client: client)
            #expect(reprompt.contains("<Gather"))
            #expect(!reprompt.contains("<Hangup"))
            let turn2Again = try action(in: reprompt)
            #expect(turn2Again.contains("silence=1"))

            // Turn 3: a question without an answer goes to staff: <Dial> the tenant's number.
            let (_, handoff) = try await post(
                Self.callFields([("SpeechResult", "Can I order a wedding cake with a custom design?"), ("Confidence", "0.88")]), to: turn2Again, client: client
            )
            #expect(handoff.contains("<Dial"))
            #expect(handoff.contains("+14155550199"))

            // The status callback bills the minutes, once, however often Twilio repeats it.
            for _ in 0..<2 {
                let (billed, _) = try await post(Self.callFields([("CallDuration", "95")], status: "completed"), to: "/webhooks/bakery-voice?step=status", client: client)
                #expect(billed == .ok)
            }
            let store = try await openStore(path)
            let ledger = try await store.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT kind, quantity, reference FROM cost_ledger WHERE tenant_id = 'bakery'")
                    .map { ($0["kind"] as String, $0["quantity"] as Int64, $0["reference"] as String?) }
            }
            #expect(ledger.count == 1)
            #expect(ledger.first?.0 == "voice_minute")
            #expect(ledger.first?.1 == 2)
            #expect(ledger.first?.2 == Self.callSid)

            // One conversation holds the call: its speech and the assistant's spoken replies.
            let conversations = try await store.conversations(tenantID: "bakery")
            #expect(conversations.count == 1)
            #expect(conversations.first?.status == .waiting)
            let messages = try await store.messages(tenantID: "bakery", conversationID: try #require(conversations.first).id)
            #expect(messages.filter { $0.direction == .inbound }.map(\.text) == ["", "When are you open?", "Can I order a wedding cake with a custom design?"])
        }
    }

    @Test func aCallerOverTheDailyCapHearsARefusalAndTheCallEnds() async throws {
        try await withGateway(try configuration(callsPerDay: 1), databasePath: temporaryDatabasePath()) { client in
            let (_, first) = try await post(Self.callFields(status: "ringing"), to: "/webhooks/bakery-voice", client: client)
            #expect(first.contains("<Gather"))
            let (_, second) = try await post(Self.callFields(status: "ringing", callSid: "CA00000000000000000000000000000002"), to: "/webhooks/bakery-voice", client: client)
            #expect(second.contains("<Say"))
            #expect(second.contains("<Hangup"))
            #expect(!second.contains("<Gather"))
        }
    }
}
