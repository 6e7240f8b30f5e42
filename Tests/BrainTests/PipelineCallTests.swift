import Brain
import ChannelKit
import Foundation
import Logging
import Testing

/// Phone calls through the pipeline: the daily call cap at call start, a caller's goodbye, the
/// intent each reply carries, and the answered message's metadata on the reply's address.
@Suite struct PipelineCallTests {
    let channel = ChannelRef(tenantID: "bakery", channelID: "bakery-voice", kind: .voice)
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    func pipeline(_ store: SQLiteStore, callsPerDay: Int = 10) -> ConversationPipeline {
        var tenant = bakery
        tenant.limits.customerDailyCalls = callsPerDay
        return ConversationPipeline(store: store, tenants: TenantDirectory([tenant]), logger: logger)
    }

    func callStart(_ callSid: String, from caller: String = "+14155550111") -> InboundMessage {
        InboundMessage(
            providerMessageID: "\(callSid):start", sender: Participant(channelUserID: caller, phone: caller), threadKey: callSid,
            text: "", timestamp: Date(), metadata: [InboundMetadataKey.callStarted: "true", "voice.turn": "0"]
        )
    }

    func speech(_ callSid: String, turn: Int, _ text: String, metadata: [String: String] = [:]) -> InboundMessage {
        InboundMessage(
            providerMessageID: "\(callSid):\(turn)", sender: Participant(channelUserID: "+14155550111", phone: "+14155550111"),
            threadKey: callSid, text: text, timestamp: Date(), metadata: metadata.merging(["voice.turn": "\(turn)"]) { a, _ in a }
        )
    }

    func run(_ message: InboundMessage, store: SQLiteStore, callsPerDay: Int = 10, inline: Bool = true) async throws -> PipelineOutcome {
        _ = try await store.acceptInbound([message], on: channel, requestID: "req")
        let item = try #require(try await store.claimInbox(limit: 1).first)
        return try await pipeline(store, callsPerDay: callsPerDay).process(item, logger: logger, deliveredInline: inline)
    }

    @Test func anAcceptedCallStartIsStoredWithoutAReply() async throws {
        try await withTestStore { store, _ in
            let outcome = try await run(callStart("CA1"), store: store)
            #expect(outcome == .silent(reason: "call started"))
            #expect(try await store.claimOutbox(limit: 10).isEmpty)
        }
    }

    @Test func theCallCapRefusesTheThirdCallOfTheDayOutLoudEveryTime() async throws {
        try await withTestStore { store, _ in
            for sid in ["CA1", "CA2"] {
                #expect(try await run(callStart(sid), store: store, callsPerDay: 2) == .silent(reason: "call started"))
            }
            for sid in ["CA3", "CA4"] {
                guard case .blocked(let reason, _) = try await run(callStart(sid), store: store, callsPerDay: 2) else {
                    Issue.record("call \(sid) should be refused")
                    continue
                }
                #expect(reason == GuardReason.callCap.rawValue)
                // A caller cannot read an earlier notice: every refused call hears one.
                let reply = try #require(try await store.reply(toInbound: "\(sid):start", channelID: channel.channelID, tenantID: "bakery"))
                #expect(reply.intent == .notice)
                #expect(!reply.text.isEmpty)
            }
        }
    }

    @Test func aGoodbyeIsAnsweredWithTheChannelsFarewellAsAClosing() async throws {
        try await withTestStore { store, _ in
            _ = try await run(callStart("CA1"), store: store)
            let metadata = [InboundMetadataKey.closingReply: "Thank you for calling Bella's. Goodbye!"]
            let outcome = try await run(speech("CA1", turn: 1, "ok thanks goodbye", metadata: metadata), store: store)
            #expect(outcome == .replied(outboxID: try #require(outboxID(of: outcome)), source: "closing"))
            let reply = try #require(try await store.reply(toInbound: "CA1:1", channelID: channel.channelID, tenantID: "bakery"))
            #expect(reply.text == "Thank you for calling Bella's. Goodbye!")
            #expect(reply.intent == .closing)
        }
    }

    @Test func repliesCarryTheirIntentAndTheAnsweredMessagesMetadata() async throws {
        try await withTestStore { store, _ in
            _ = try await run(callStart("CA1"), store: store)
            _ = try await run(speech("CA1", turn: 1, "What are your opening hours?", metadata: ["voice.callSid": "CA1"]), store: store, inline: false)
            _ = try await run(speech("CA1", turn: 2, "Can I order a wedding cake with a custom design?"), store: store, inline: false)
            let answer = try #require(try await store.reply(toInbound: "CA1:1", channelID: channel.channelID, tenantID: "bakery"))
            #expect(answer.intent == .answer)
            let handoff = try #require(try await store.reply(toInbound: "CA1:2", channelID: channel.channelID, tenantID: "bakery"))
            #expect(handoff.intent == .handoff)
            let queued = try await store.claimOutbox(limit: 10)
            let answered = try #require(queued.first { $0.address.inReplyTo == "CA1:1" })
            #expect(answered.address.context["voice.callSid"] == "CA1")
            #expect(answered.address.context["voice.turn"] == "1")
        }
    }

    func outboxID(of outcome: PipelineOutcome) -> Int64? {
        if case .replied(let id, _) = outcome { id } else { nil }
    }
}
