import Brain
import ChannelKit
import Testing

@Suite struct IdentityRecentMessagesTests {
    typealias Channels = IdentityChannels

    @Test func recentMessagesSpanTheCustomersChannelsOldestFirst() async throws {
        try await withTestStore { store, _ in
            let customer = try await store.deliver("first, by sms", from: Participant(channelUserID: "+14155550100"), on: Channels.sms, id: "m1")
            try await store.deliver("second, on whatsapp", from: Participant(channelUserID: "whatsapp:+14155550100"), on: Channels.whatsapp, id: "m2")
            try await store.deliver("someone else", from: Participant(channelUserID: "+14155550199"), on: Channels.sms, id: "m3")
            try await store.deliver("third, by sms", from: Participant(channelUserID: "+14155550100"), on: Channels.sms, id: "m4")

            let all = try await store.recentMessages(customerID: customer.id, tenantID: "acme", limit: 10, excludingProviderMessageID: nil)
            #expect(all.map(\.text) == ["first, by sms", "second, on whatsapp", "third, by sms"])
            #expect(Set(all.map(\.channelID)) == ["acme-sms", "acme-wa"])

            let lastTwo = try await store.recentMessages(customerID: customer.id, tenantID: "acme", limit: 2, excludingProviderMessageID: nil)
            #expect(lastTwo.map(\.text) == ["second, on whatsapp", "third, by sms"])

            let beforeCurrent = try await store.recentMessages(customerID: customer.id, tenantID: "acme", limit: 2, excludingProviderMessageID: "m4")
            #expect(beforeCurrent.map(\.text) == ["first, by sms", "second, on whatsapp"])

            #expect(try await store.recentMessages(customerID: customer.id, tenantID: "acme", limit: 0, excludingProviderMessageID: nil).isEmpty)
        }
    }

    @Test func recentMessagesAreScopedByTenant() async throws {
        try await withTestStore { store, _ in
            let acme = try await store.deliver("acme message", from: Participant(channelUserID: "+14155550100"), on: Channels.sms, id: "a1")
            let globex = try await store.deliver("globex message", from: Participant(channelUserID: "+14155550100"), on: Channels.otherTenantSMS, id: "g1")
            #expect(acme.id != globex.id)
            let acmeMessages = try await store.recentMessages(customerID: acme.id, tenantID: "acme", limit: 10, excludingProviderMessageID: nil)
            #expect(acmeMessages.map(\.text) == ["acme message"])
            #expect(try await store.recentMessages(customerID: acme.id, tenantID: "globex", limit: 10, excludingProviderMessageID: nil).isEmpty)
            #expect(try await store.recentMessages(customerID: globex.id, tenantID: "acme", limit: 10, excludingProviderMessageID: nil).isEmpty)
        }
    }
}
