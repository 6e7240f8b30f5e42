import Brain
import ChannelKit
import Foundation
import Logging
import Testing

/// Usage a provider reports (a call's minutes) is billed once per reference; an address the
/// provider cannot deliver to gets nothing until it writes again.
@Suite struct ProviderUsageTests {
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    @Test func aCallsMinutesAreRecordedOncePerCallSid() async throws {
        try await withTestStore { store, _ in
            let ledger = BudgetLedger(store: store, tenants: TenantDirectory([bakery]), logger: logger)
            let pricing = Pricing(voiceMinute: 0.014)
            let minutes = pricing.cost(of: ChannelUsage(kind: .voiceMinute, quantity: 2), tenantID: "bakery", channelID: "bakery-voice", reference: "CA1")
            #expect(try await ledger.recordOnce([minutes]))
            #expect(try await ledger.recordOnce([minutes]) == false)
            let other = pricing.cost(of: ChannelUsage(kind: .voiceMinute, quantity: 1), tenantID: "bakery", channelID: "bakery-voice", reference: "CA2")
            #expect(try await ledger.recordOnce([other]))
            let state = try await ledger.state(tenantID: "bakery")
            #expect(state.spentNanos == 3 * pricing.voiceMinuteNanos)
        }
    }

    @Test func anUndeliverableAddressIsClearedWhenItWritesAgainButAnOptOutIsNot() async throws {
        try await withTestStore { store, _ in
            try await store.markUndeliverable(address: "ada@example.com", kind: .email, tenantID: "bakery")
            #expect(try await store.optOutReason(address: "ada@example.com", kind: .email, tenantID: "bakery") == SQLiteStore.undeliverableReason)
            #expect(try await store.optOutReason(address: "ada@example.com", kind: .email, tenantID: "florist") == nil)
            #expect(try await store.isOptedOut(address: "ada@example.com", kind: .email, tenantID: "bakery"))

            let channel = ChannelRef(tenantID: "bakery", channelID: "bakery-email", kind: .email)
            let message = InboundMessage(
                providerMessageID: "m1@example.com", sender: Participant(channelUserID: "ada@example.com", email: "ada@example.com"),
                threadKey: "m1@example.com", text: "When are you open?", timestamp: Date()
            )
            _ = try await store.acceptInbound([message], on: channel, requestID: "req")
            let item = try #require(try await store.claimInbox(limit: 1).first)
            let outcome = try await ConversationPipeline(store: store, tenants: TenantDirectory([bakery]), logger: logger).process(item, logger: logger)
            guard case .replied = outcome else {
                Issue.record("a bounced address that writes again is answered, got \(outcome)")
                return
            }
            #expect(try await store.optOutReason(address: "ada@example.com", kind: .email, tenantID: "bakery") == nil)

            // A customer's own opt-out is not lifted by a bounce mark or its clearing.
            try await store.setOptedOut(true, address: "+14155550111", kind: .sms, tenantID: "bakery")
            try await store.markUndeliverable(address: "+14155550111", kind: .sms, tenantID: "bakery")
            #expect(try await store.clearUndeliverable(address: "+14155550111", kind: .sms, tenantID: "bakery") == false)
            #expect(try await store.optOutReason(address: "+14155550111", kind: .sms, tenantID: "bakery") == "customer")
        }
    }
}
