import ChannelKit
import ChannelKitTesting
import Foundation
import Testing

@testable import Gateway

/// A Telegram channel in polling mode through the whole gateway: updates fetched with
/// getUpdates, answered with sendMessage, the cursor stored, and no update answered twice even
/// when the provider sends it again after a restart.
@Suite struct TelegramPollingTests {
    static let token = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"

    static func update(_ id: Int, message: Int, text: String) -> String {
        #"{"update_id":\#(id),"message":{"message_id":\#(message),"from":{"id":1111111,"is_bot":false,"first_name":"Ada"},"chat":{"id":1111111,"first_name":"Ada","type":"private"},"date":1441645532,"text":"\#(text)"}}"#
    }

    /// A fake Bot API: getUpdates returns the updates at or after the requested offset (all of
    /// them when `ignoreOffset`), after a short wait when there are none; sends succeed.
    static func botAPI(ignoreOffset: Bool) -> FakeProvider.Reply {
        let updates = [(100, update(100, message: 1365, text: "What are your opening hours?")),
                       (101, update(101, message: 1366, text: "Can I bring my dog?"))]
        return .dynamic { request in
            if request.path.hasSuffix("/getUpdates") {
                let offset = (try? JSONSerialization.jsonObject(with: request.body) as? [String: Any])?["offset"] as? Int ?? 0
                let due = updates.filter { ignoreOffset || $0.0 >= offset }.map(\.1)
                let body = #"{"ok":true,"result":[\#(due.joined(separator: ","))]}"#
                return due.isEmpty ? .delayed(.milliseconds(200), then: .json(status: 200, body: body)) : .json(status: 200, body: body)
            }
            if request.path.hasSuffix("/sendMessage") {
                return .json(status: 200, body: #"{"ok":true,"result":{"message_id":9001,"chat":{"id":1111111,"type":"private"},"date":1441645600,"text":"ok"}}"#)
            }
            return .json(status: 200, body: #"{"ok":true,"result":true}"#)
        }
    }

    func configuration(api: FakeProvider) throws -> GatewayConfiguration {
        let json = """
            {"gateway": {"worker": {"pollIntervalMilliseconds": 50},
                         "dispatcher": {"baseDelayMilliseconds": 20, "maxDelayMilliseconds": 100, "timeoutMilliseconds": 2000, "pollIntervalMilliseconds": 50}},
             "tenants": [{"id": "bakery", "name": "Bella's Bakery",
               "assistant": {"handoffMessage": "A baker will answer you here shortly."},
               "knowledgeBase": [{"id": "hours", "question": "What are your opening hours?", "answer": "Tuesday to Sunday, 7am to 6pm."}],
               "channels": [{"id": "bakery-tg", "type": "telegram",
                 "settings": {"mode": "polling", "apiBaseURL": "\(api.url(""))"},
                 "secrets": {"botToken": "env:TG_TOKEN"}}]}]}
            """
        return try ConfigurationLoader(environment: ["TG_TOKEN": Self.token]).parse(Data(json.utf8), file: "test.json")
    }

    static func sends(_ provider: FakeProvider) async -> [FakeProvider.RecordedRequest] {
        await provider.requests.filter { $0.path == "/bot\(token)/sendMessage" }
    }

    @Test func pollsAnswersAndNeverAnswersAnUpdateTwiceAcrossARestart() async throws {
        let path = temporaryDatabasePath()
        try await FakeProvider.withRunning(defaultReply: Self.botAPI(ignoreOffset: false)) { api in
            let configuration = try configuration(api: api)
            try await withGateway(configuration, databasePath: path) { _ in
                try await eventually("both updates are answered") { await Self.sends(api).count == 2 }
            }
            let texts = await Self.sends(api).map(\.bodyText)
            #expect(texts.contains { $0.contains("Tuesday to Sunday, 7am to 6pm.") })
            #expect(texts.contains { $0.contains("A baker will answer you here shortly.") })
            let store = try await openStore(path)
            #expect(try await store.cursor(channelID: "bakery-tg", tenantID: "bakery") == "102")

            // After a restart the poll resumes at the stored offset; a provider that sends the
            // same updates again gets no second answer.
            await api.setDefaultReply(Self.botAPI(ignoreOffset: true))
            let before = await api.requests.count
            try await withGateway(configuration, databasePath: path) { _ in
                try await eventually("the restarted gateway polls") {
                    await api.requests.dropFirst(before).contains { $0.path.hasSuffix("/getUpdates") }
                }
                try await Task.sleep(for: .milliseconds(400))
            }
            let firstPoll = try #require(await api.requests.dropFirst(before).first { $0.path.hasSuffix("/getUpdates") })
            #expect(firstPoll.bodyText.contains(#""offset":102"#))
            #expect(await Self.sends(api).count == 2)
            #expect(try await store.inboxCounts() == ["done": 2])
        }
    }
}
