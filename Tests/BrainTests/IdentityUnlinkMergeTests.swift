import Brain
import ChannelKit
import Testing

@Suite struct IdentityUnlinkMergeTests {
    typealias Channels = IdentityChannels

    let phoneOwner = Participant(channelUserID: "+14155550100")
    /// A web chat visitor who typed the SMS customer's number (and an email of their own).
    let claimant = Participant(channelUserID: "visitor-9", displayName: "Eve", phone: "(415) 555-0100", email: "eve@example.com")

    @Test func unlinkingGivesTheIdentityANewCustomerWithItsConversations() async throws {
        try await withTestStore { store, _ in
            let owner = try await store.deliver("hi by sms", from: phoneOwner, on: Channels.sms, id: "s1")
            let linked = try await store.deliver("hi from the chat", from: claimant, on: Channels.webchat, id: "w1")
            #expect(linked.id == owner.id)
            let identity = try #require(try await store.identity(of: claimant, on: Channels.webchat))

            let separated = try await store.unlink(identityID: identity.id, tenantID: "acme", reason: "Eve is not the SMS customer")
            #expect(separated.id != owner.id)
            #expect(separated.displayName == "Eve")
            #expect(separated.phone == "+14155550100")
            #expect(separated.email == "eve@example.com")
            #expect(!separated.isVerified)

            #expect(try await store.identities(customerID: owner.id, tenantID: "acme").map(\.channelKind) == [.sms])
            #expect(try await store.identities(customerID: separated.id, tenantID: "acme").map(\.id) == [identity.id])
            let conversations = try await store.conversations(tenantID: "acme")
            #expect(conversations.first { $0.channelID == "acme-chat" }?.customerID == separated.id)
            #expect(conversations.first { $0.channelID == "acme-sms" }?.customerID == owner.id)
            let ownerMessages = try await store.recentMessages(customerID: owner.id, tenantID: "acme", limit: 10, excludingProviderMessageID: nil)
            #expect(ownerMessages.map(\.text) == ["hi by sms"])
            let separatedMessages = try await store.recentMessages(customerID: separated.id, tenantID: "acme", limit: 10, excludingProviderMessageID: nil)
            #expect(separatedMessages.map(\.text) == ["hi from the chat"])

            // The owner keeps the number their SMS identity proves, and loses the email only Eve gave.
            let ownerNow = try #require(try await store.customer(id: owner.id, tenantID: "acme"))
            #expect(ownerNow.phone == "+14155550100")
            #expect(ownerNow.email == nil)

            let ownerHistory = try await store.linkHistory(customerID: owner.id, tenantID: "acme")
            #expect(ownerHistory.map(\.action) == [.create, .link, .unlink])
            #expect(ownerHistory.last?.evidence.hasSuffix("Eve is not the SMS customer") == true)
            let separatedHistory = try await store.linkHistory(customerID: separated.id, tenantID: "acme")
            #expect(separatedHistory.map(\.action) == [.create])

            // The visitor's next message stays with the new customer.
            let next = try await store.deliver("me again", from: claimant, on: Channels.webchat, id: "w2")
            #expect(next.id == separated.id)
        }
    }

    @Test func anIdentityCannotBeUnlinkedFromItsOnlyCustomerOrByAnotherTenant() async throws {
        try await withTestStore { store, _ in
            let owner = try await store.resolveCustomer(phoneOwner, on: Channels.sms, defaultRegion: "US")
            let identity = try #require(try await store.identities(customerID: owner.customer.id, tenantID: "acme").first)
            await #expect(throws: IdentityError.onlyIdentity) {
                try await store.unlink(identityID: identity.id, tenantID: "acme", reason: "test")
            }
            _ = try await store.resolveCustomer(claimant, on: Channels.webchat, defaultRegion: "US")
            let error = await #expect(throws: IdentityError.identityNotFound) {
                try await store.unlink(identityID: identity.id, tenantID: "globex", reason: "test")
            }
            #expect(error?.isNotFound == true)
            #expect(error?.code == "identity_not_found")
            #expect(try await store.identities(customerID: owner.customer.id, tenantID: "acme").count == 2)
        }
    }

    @Test func mergingMovesEverythingAndDeletesTheSource() async throws {
        try await withTestStore { store, _ in
            let source = try await store.deliver("hello on telegram", from: Participant(channelUserID: "tg-1", displayName: "Ada"), on: Channels.telegram, id: "t1")
            let target = try await store.deliver("hello by sms", from: phoneOwner, on: Channels.sms, id: "s1")
            #expect(source.id != target.id)

            let merged = try await store.merge(customerID: source.id, into: target.id, tenantID: "acme", reason: "same person, confirmed by phone")
            #expect(merged.id == target.id)
            #expect(merged.displayName == "Ada")
            #expect(merged.phone == "+14155550100")
            #expect(merged.isVerified)
            #expect(try await store.customer(id: source.id, tenantID: "acme") == nil)
            #expect(try await store.identities(customerID: target.id, tenantID: "acme").map(\.channelKind).sorted { $0.rawValue < $1.rawValue } == [.sms, .telegram])
            #expect(try await store.identities(customerID: source.id, tenantID: "acme").isEmpty)
            #expect(try await store.conversations(tenantID: "acme").allSatisfy { $0.customerID == target.id })
            let messages = try await store.recentMessages(customerID: target.id, tenantID: "acme", limit: 10, excludingProviderMessageID: nil)
            #expect(messages.map(\.text) == ["hello on telegram", "hello by sms"])

            let history = try await store.linkHistory(customerID: target.id, tenantID: "acme")
            #expect(history.map(\.action) == [.create, .create, .merge])
            #expect(history.last?.evidence == "merged customer \(source.id) into \(target.id): same person, confirmed by phone")
            #expect(history.last?.identityID == nil)

            // The telegram sender now resolves to the target.
            let again = try await store.resolveCustomer(Participant(channelUserID: "tg-1"), on: Channels.telegram, defaultRegion: "US")
            #expect(again.customer.id == target.id)
        }
    }

    @Test func mergeRefusesTheSameCustomerAndAnotherTenantsCustomers() async throws {
        try await withTestStore { store, _ in
            let acme = try await store.resolveCustomer(phoneOwner, on: Channels.sms, defaultRegion: "US").customer
            let other = try await store.resolveCustomer(Participant(channelUserID: "tg-1"), on: Channels.telegram, defaultRegion: "US").customer
            let globex = try await store.resolveCustomer(phoneOwner, on: Channels.otherTenantSMS, defaultRegion: "US").customer

            await #expect(throws: IdentityError.sameCustomer) {
                try await store.merge(customerID: acme.id, into: acme.id, tenantID: "acme", reason: "test")
            }
            await #expect(throws: IdentityError.customerNotFound) {
                try await store.merge(customerID: globex.id, into: acme.id, tenantID: "acme", reason: "test")
            }
            await #expect(throws: IdentityError.customerNotFound) {
                try await store.merge(customerID: other.id, into: globex.id, tenantID: "acme", reason: "test")
            }
            await #expect(throws: IdentityError.customerNotFound) {
                try await store.merge(customerID: other.id, into: acme.id, tenantID: "globex", reason: "test")
            }
            await #expect(throws: IdentityError.customerNotFound) {
                try await store.merge(customerID: "nobody", into: acme.id, tenantID: "acme", reason: "test")
            }
            #expect(try await store.customer(id: other.id, tenantID: "acme") != nil)
            #expect(try await store.customer(id: globex.id, tenantID: "globex") != nil)
        }
    }
}
