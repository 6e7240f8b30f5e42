import Brain
import ChannelKit
import Testing

@Suite struct IdentityResolutionTests {
    typealias Channels = IdentityChannels

    @Test func smsWhatsAppAndVoiceFromOneNumberAreOneCustomer() async throws {
        try await withTestStore { store, _ in
            let sms = try await store.resolveCustomer(Participant(channelUserID: "+14155550100"), on: Channels.sms, defaultRegion: "US")
            let whatsapp = try await store.resolveCustomer(Participant(channelUserID: "whatsapp:+14155550100"), on: Channels.whatsapp, defaultRegion: "US")
            let voice = try await store.resolveCustomer(Participant(channelUserID: "(415) 555-0100"), on: Channels.voice, defaultRegion: "US")
            #expect(sms.isNew)
            #expect(!whatsapp.isNew)
            #expect(!voice.isNew)
            #expect(whatsapp.customer.id == sms.customer.id)
            #expect(voice.customer.id == sms.customer.id)
            #expect(voice.customer.phone == "+14155550100")
            #expect(voice.customer.isVerified)

            let identities = try await store.identities(customerID: sms.customer.id, tenantID: "acme")
            #expect(identities.map(\.channelKind) == [.sms, .whatsapp, .voice])
            #expect(identities.allSatisfy { $0.verified && $0.phone == "+14155550100" })

            let history = try await store.linkHistory(customerID: sms.customer.id, tenantID: "acme")
            #expect(history.map(\.action) == [.create, .link, .link])
            #expect(history.map(\.evidence) == [
                "phone +14155550100 proven by sms channel acme-sms",
                "phone +14155550100 proven by whatsapp channel acme-wa",
                "phone +14155550100 proven by voice channel acme-voice",
            ])
            #expect(history.map(\.identityID) == identities.map(\.id))
        }
    }

    @Test func anEmailClaimedInWebChatJoinsTheCustomerWhoWroteFromIt() async throws {
        try await withTestStore { store, _ in
            let mail = try await store.resolveCustomer(Participant(channelUserID: "Ada@Example.com", displayName: "Ada"), on: Channels.email, defaultRegion: "US")
            let visitor = Participant(channelUserID: "visitor-1", email: "  ADA@example.COM ")
            let chat = try await store.resolveCustomer(visitor, on: Channels.webchat, defaultRegion: "US")
            #expect(chat.customer.id == mail.customer.id)
            #expect(!chat.isNew)
            #expect(chat.customer.email == "ada@example.com")
            #expect(chat.customer.isVerified)

            let identities = try await store.identities(customerID: mail.customer.id, tenantID: "acme")
            #expect(identities.map(\.verified) == [true, false])
            let history = try await store.linkHistory(customerID: mail.customer.id, tenantID: "acme")
            #expect(history.last?.action == .link)
            #expect(history.last?.evidence == "email ada@example.com claimed on webchat channel acme-chat")
            #expect(try await store.identity(of: visitor, on: Channels.webchat)?.customerID == mail.customer.id)
        }
    }

    @Test func aDisplayNameAloneNeverLinks() async throws {
        try await withTestStore { store, _ in
            let telegram = try await store.resolveCustomer(Participant(channelUserID: "tg-1", displayName: "Ada Lovelace"), on: Channels.telegram, defaultRegion: "US")
            let chat = try await store.resolveCustomer(Participant(channelUserID: "visitor-1", displayName: "Ada Lovelace"), on: Channels.webchat, defaultRegion: "US")
            #expect(telegram.isNew)
            #expect(chat.isNew)
            #expect(chat.customer.id != telegram.customer.id)
            #expect(!chat.customer.isVerified)
            let history = try await store.linkHistory(customerID: chat.customer.id, tenantID: "acme")
            #expect(history.map(\.action) == [.create])
            #expect(history.first?.evidence == "first message on webchat channel acme-chat")
        }
    }

    @Test func theSameNumberInAnotherTenantIsAnotherCustomer() async throws {
        try await withTestStore { store, _ in
            let acme = try await store.resolveCustomer(Participant(channelUserID: "+14155550100"), on: Channels.sms, defaultRegion: "US")
            let globex = try await store.resolveCustomer(Participant(channelUserID: "+14155550100"), on: Channels.otherTenantSMS, defaultRegion: "US")
            #expect(globex.isNew)
            #expect(globex.customer.id != acme.customer.id)
            #expect(globex.customer.tenantID == "globex")
            #expect(try await store.customer(id: acme.customer.id, tenantID: "globex") == nil)
            #expect(try await store.identities(customerID: acme.customer.id, tenantID: "globex").isEmpty)
            #expect(try await store.linkHistory(customerID: acme.customer.id, tenantID: "globex").isEmpty)
        }
    }

    @Test func aKnownSenderIsFoundAgainAndGainsWhatTheCustomerLacks() async throws {
        try await withTestStore { store, _ in
            let visitor = Participant(channelUserID: "visitor-1")
            let first = try await store.resolveCustomer(visitor, on: Channels.webchat, defaultRegion: "GB")
            #expect(first.customer.phone == nil)
            var withDetails = visitor
            withDetails.phone = "07700 900123"
            withDetails.displayName = "Ada"
            let again = try await store.resolveCustomer(withDetails, on: Channels.webchat, defaultRegion: "GB")
            #expect(!again.isNew)
            #expect(again.customer.id == first.customer.id)
            #expect(again.customer.phone == "+447700900123")
            #expect(again.customer.displayName == "Ada")
            #expect(!again.customer.isVerified)
        }
    }

    @Test func twoExistingCustomersAreNeverMergedAutomatically() async throws {
        try await withTestStore { store, _ in
            let sms = try await store.resolveCustomer(Participant(channelUserID: "+447700900123"), on: Channels.sms, defaultRegion: "GB")
            let visitor = Participant(channelUserID: "visitor-1")
            let chat = try await store.resolveCustomer(visitor, on: Channels.webchat, defaultRegion: "GB")
            #expect(chat.isNew)
            // The visitor now gives the SMS customer's number: their customer gains it, nothing merges.
            let later = try await store.resolveCustomer(Participant(channelUserID: "visitor-1", phone: "07700 900123"), on: Channels.webchat, defaultRegion: "GB")
            #expect(later.customer.id == chat.customer.id)
            #expect(later.customer.phone == "+447700900123")
            #expect(try await store.customer(id: sms.customer.id, tenantID: "acme") != nil)
            #expect(try await store.identities(customerID: sms.customer.id, tenantID: "acme").count == 1)
        }
    }

    @Test func aPhoneClaimedOnTwoChannelsLinksThem() async throws {
        try await withTestStore { store, _ in
            let api = try await store.resolveCustomer(Participant(channelUserID: "crm-42", phone: "+1 415 555 0100"), on: Channels.api, defaultRegion: "US")
            let telegram = try await store.resolveCustomer(Participant(channelUserID: "tg-9", phone: "415-555-0100"), on: Channels.telegram, defaultRegion: "US")
            #expect(telegram.customer.id == api.customer.id)
            #expect(!telegram.customer.isVerified)
            let history = try await store.linkHistory(customerID: api.customer.id, tenantID: "acme")
            #expect(history.last?.evidence == "phone +14155550100 claimed on telegram channel acme-tg")
        }
    }

    @Test func aCustomerWithAVerifiedIdentityWinsOverAnOlderClaim() async throws {
        try await withTestStore { store, _ in
            let claimer = try await store.resolveCustomer(Participant(channelUserID: "visitor-1", phone: "+14155550100"), on: Channels.webchat, defaultRegion: "US")
            // The number's owner writes by SMS: the only customer with the number is the claimer.
            let sms = try await store.resolveCustomer(Participant(channelUserID: "+14155550100"), on: Channels.sms, defaultRegion: "US")
            #expect(sms.customer.id == claimer.customer.id)
            // An operator separates them: now two customers carry the number, the older by a claim.
            let identity = try #require(try await store.identity(of: Participant(channelUserID: "+14155550100"), on: Channels.sms))
            let owner = try await store.unlink(identityID: identity.id, tenantID: "acme", reason: "not the same person")
            #expect(owner.isVerified)
            #expect(try await store.customer(id: claimer.customer.id, tenantID: "acme")?.phone == "+14155550100")
            // A new channel proving the number joins the customer whose identity proved it.
            let whatsapp = try await store.resolveCustomer(Participant(channelUserID: "whatsapp:+14155550100"), on: Channels.whatsapp, defaultRegion: "US")
            #expect(whatsapp.customer.id == owner.id)
        }
    }
}
