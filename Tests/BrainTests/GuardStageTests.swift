import ChannelKit
import Foundation
import GRDB
import Logging
import Testing

@testable import Brain

/// A tenant's customers sending messages through the guards, stored the way the pipeline stores
/// them (blocked ones with their reason), on a real SQLite file.
struct GuardScenario {
    let store: SQLiteStore
    var tenant: TenantProfile
    var channel: ChannelRef { ChannelRef(tenantID: tenant.id, channelID: "\(tenant.id)-chat", kind: .webchat) }
    var stage: GuardStage { GuardStage(store: store, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })) }

    /// 2025-10-15 12:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_760_529_600)

    init(store: SQLiteStore, tenantID: String = "bakery", limits: TenantLimits = TenantLimits()) {
        self.store = store
        self.tenant = TenantProfile(id: tenantID, name: tenantID, limits: limits)
    }

    /// Inserts a customer (and their conversation) first seen at `since`.
    func customer(_ id: String, verified: Bool = false, since: Date = start) async throws -> CustomerRecord {
        let tenantID = tenant.id
        let channelID = channel.channelID
        try await store.pool.write { db in
            try db.execute(
                sql: "INSERT INTO customers (id, tenant_id, created_at) VALUES (?, ?, ?)",
                arguments: [id, tenantID, since.milliseconds]
            )
            try db.execute(
                sql: """
                    INSERT INTO conversations (id, tenant_id, customer_id, channel_id, thread_key, status, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, 'assistant', ?, ?)
                    """,
                arguments: ["conv-\(id)", tenantID, id, channelID, id, since.milliseconds, since.milliseconds]
            )
        }
        return CustomerRecord(id: id, tenantID: tenantID, isVerified: verified, createdAt: since)
    }

    /// Checks one message and stores it as the pipeline would.
    func send(
        _ text: String, from customer: CustomerRecord, at date: Date, isNew: Bool = false,
        remoteAddress: String? = nil, isCall: Bool = false
    ) async throws -> GuardVerdict {
        let messageID = UUID().uuidString
        let verdict = try await stage.check(GuardInput(
            tenant: tenant, channel: channel, customer: customer, isNewCustomer: isNew, text: text,
            providerMessageID: messageID, remoteAddress: remoteAddress, isCall: isCall, now: date
        ))
        guard !isCall else { return verdict }
        var blockedReason: String?
        if case .block(let reason, _) = verdict { blockedReason = reason.rawValue }
        let tenantID = tenant.id
        let channelID = channel.channelID
        try await store.pool.write { [blockedReason] db in
            try db.execute(
                sql: """
                    INSERT INTO messages (id, tenant_id, conversation_id, customer_id, channel_id, direction, author, text,
                                          provider_message_id, blocked_reason, created_at)
                    VALUES (?, ?, ?, ?, ?, 'inbound', 'customer', ?, ?, ?, ?)
                    """,
                arguments: [UUID().uuidString, tenantID, "conv-\(customer.id)", customer.id, channelID, text, messageID,
                            blockedReason, date.milliseconds]
            )
        }
        return verdict
    }
}

extension GuardVerdict {
    var blockedBecause: GuardReason? {
        if case .block(let reason, _) = self { return reason }
        return nil
    }

    var noticeText: String? {
        if case .block(_, let notice) = self { return notice }
        return nil
    }
}

@Suite struct GuardStageTests {
    let start = GuardScenario.start

    @Test func rapidFireBlocksTheSixthMessageAndNotifiesOnce() async throws {
        try await withTestStore { store, _ in
            let scenario = GuardScenario(store: store)
            let ada = try await scenario.customer("ada")
            var verdicts: [GuardVerdict] = []
            for index in 0..<7 {
                verdicts.append(try await scenario.send("Question number \(index) about your bread", from: ada, at: start.addingTimeInterval(Double(index))))
            }
            #expect(verdicts.prefix(5).allSatisfy { $0 == .allow })
            #expect(verdicts[5] == .block(.rapidFire, notice: GuardReason.rapidFire.defaultNotice))
            #expect(verdicts[5].noticeText == "You've sent a lot of messages in a short time; please wait a moment and try again.")
            #expect(verdicts[6] == .block(.rapidFire, notice: nil))

            // Once the burst is over, messages go through again.
            let calm = try await scenario.send("One more question about your bread", from: ada, at: start.addingTimeInterval(30))
            #expect(calm == .allow)
        }
    }

    @Test func theSameQuestionAThirdTimeIsBlocked() async throws {
        try await withTestStore { store, _ in
            let scenario = GuardScenario(store: store)
            let ada = try await scenario.customer("ada")
            #expect(try await scenario.send("Where is my order?", from: ada, at: start) == .allow)
            #expect(try await scenario.send("where is my order", from: ada, at: start.addingTimeInterval(60)) == .allow)
            let third = try await scenario.send("WHERE   is my order??", from: ada, at: start.addingTimeInterval(120))
            #expect(third == .block(.repetition, notice: GuardReason.repetition.defaultNotice))
            #expect(try await scenario.send("Where is my order?!", from: ada, at: start.addingTimeInterval(180)) == .block(.repetition, notice: nil))
            // A different question is fine, and so are short acknowledgements, however often.
            #expect(try await scenario.send("Do you sell birthday cakes?", from: ada, at: start.addingTimeInterval(240)) == .allow)
            for minute in 5..<9 {
                #expect(try await scenario.send("ok thanks", from: ada, at: start.addingTimeInterval(Double(minute) * 60)) == .allow)
            }
            // Outside the window the question may be asked again.
            #expect(try await scenario.send("Where is my order?", from: ada, at: start.addingTimeInterval(2 * 3600)) == .allow)
        }
    }

    @Test func dailyCapGrowsWithTrust() async throws {
        try await withTestStore { store, _ in
            let limits = TenantLimits(customerDailyMessages: 3)
            let scenario = GuardScenario(store: store, limits: limits)
            let newcomer = try await scenario.customer("new", since: start)
            let regular = try await scenario.customer("known", since: start.addingTimeInterval(-30 * 86_400))
            let verified = try await scenario.customer("verified", verified: true, since: start)

            func allowedToday(_ customer: CustomerRecord, day: Int = 0) async throws -> (allowed: Int, blocked: [GuardVerdict]) {
                var allowed = 0
                var blocked: [GuardVerdict] = []
                for index in 0..<16 {
                    let date = start.addingTimeInterval(Double(day) * 86_400 + Double(index) * 60)
                    let verdict = try await scenario.send("Message \(index) about the cake for day \(day)", from: customer, at: date)
                    if verdict == .allow { allowed += 1 } else { blocked.append(verdict) }
                }
                return (allowed, blocked)
            }
            let new = try await allowedToday(newcomer)
            #expect(new.allowed == 3)
            #expect(new.blocked.first == .block(.dailyCap, notice: GuardReason.dailyCap.defaultNotice))
            #expect(new.blocked.dropFirst().allSatisfy { $0 == .block(.dailyCap, notice: nil) })
            #expect(try await allowedToday(regular).allowed == 6)
            #expect(try await allowedToday(verified).allowed == 12)

            // A new UTC day starts a new count, and a new notice window.
            let tomorrow = try await allowedToday(newcomer, day: 1)
            #expect(tomorrow.allowed == 3)
            #expect(tomorrow.blocked.first?.noticeText != nil)
        }
    }

    @Test func callsHaveTheirOwnCap() async throws {
        try await withTestStore { store, _ in
            let scenario = GuardScenario(store: store, limits: TenantLimits(customerDailyMessages: 2, customerDailyCalls: 1))
            let ada = try await scenario.customer("ada")
            #expect(try await scenario.send("", from: ada, at: start, isCall: true) == .allow)
            #expect(try await scenario.send("", from: ada, at: start.addingTimeInterval(60), isCall: true).blockedBecause == .callCap)
            #expect(try await scenario.send("Can you call me back please?", from: ada, at: start.addingTimeInterval(120)) == .allow)
        }
    }

    @Test func perIPLimitAppliesToSendersNotYetKnown() async throws {
        try await withTestStore { store, _ in
            let scenario = GuardScenario(store: store, limits: TenantLimits(unknownSenderPerIPPerMinute: 2))
            let address = "203.0.113.7"
            let regular = try await scenario.customer("regular", since: start.addingTimeInterval(-86_400))
            #expect(try await scenario.send("Hello, I ordered a cake yesterday", from: regular, at: start.addingTimeInterval(-3600)) == .allow)

            var verdicts: [GuardVerdict] = []
            for index in 0..<4 {
                let visitor = try await scenario.customer("visitor-\(index)")
                verdicts.append(try await scenario.send("Hello, do you deliver on Sundays?", from: visitor, at: start.addingTimeInterval(Double(index)),
                                                        isNew: true, remoteAddress: address))
            }
            #expect(verdicts.map(\.blockedBecause) == [nil, nil, .ipLimit, .ipLimit])
            #expect(verdicts[2].noticeText == GuardReason.ipLimit.defaultNotice)

            // A customer with accepted messages is not counted, whatever the address.
            #expect(try await scenario.send("Is my cake ready?", from: regular, at: start.addingTimeInterval(5), remoteAddress: address) == .allow)
            // A blocked first message does not make the sender known: the limit still applies.
            let blockedVisitor = try #require(verdicts.indices.last.map { "visitor-\($0)" })
            let again = CustomerRecord(id: blockedVisitor, tenantID: "bakery", createdAt: start)
            #expect(try await scenario.send("Please answer me", from: again, at: start.addingTimeInterval(6), remoteAddress: address).blockedBecause == .ipLimit)
            // Another address, or the next minute, is fine.
            let other = try await scenario.customer("visitor-other")
            #expect(try await scenario.send("Hello there, are you open?", from: other, at: start.addingTimeInterval(7), isNew: true, remoteAddress: "198.51.100.1") == .allow)
            let later = try await scenario.customer("visitor-later")
            #expect(try await scenario.send("Hello there, are you open?", from: later, at: start.addingTimeInterval(61), isNew: true, remoteAddress: address) == .allow)
        }
    }

    @Test func countersSurviveReopeningTheDatabase() async throws {
        try await withTestStore { store, path in
            let limits = TenantLimits(customerDailyMessages: 2)
            let ada = try await GuardScenario(store: store, limits: limits).customer("ada")
            do {
                let scenario = GuardScenario(store: store, limits: limits)
                #expect(try await scenario.send("First question about bread", from: ada, at: start) == .allow)
                #expect(try await scenario.send("Second question about cakes", from: ada, at: start.addingTimeInterval(60)) == .allow)
                #expect(try await scenario.send("Third question about pies", from: ada, at: start.addingTimeInterval(120)).noticeText != nil)
            }
            let reopened = try await SQLiteStore.open(path: path, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
            let scenario = GuardScenario(store: reopened, limits: limits)
            #expect(try await scenario.send("Fourth question about tarts", from: ada, at: start.addingTimeInterval(180)) == .block(.dailyCap, notice: nil))
        }
    }

    @Test func anotherTenantsCountersNeverCount() async throws {
        try await withTestStore { store, _ in
            let limits = TenantLimits(customerDailyMessages: 2, unknownSenderPerIPPerMinute: 1)
            let bakery = GuardScenario(store: store, tenantID: "bakery", limits: limits)
            let florist = GuardScenario(store: store, tenantID: "florist", limits: limits)
            let address = "203.0.113.7"

            let ada = try await bakery.customer("ada")
            // Bakery's visitors use up the address's allowance and Ada's cap…
            #expect(try await bakery.send("Hello, first message here", from: ada, at: start, isNew: true, remoteAddress: address) == .allow)
            #expect(try await bakery.send("Hello, second message here", from: ada, at: start.addingTimeInterval(1)) == .allow)
            #expect(try await bakery.send("Hello, third message here", from: ada, at: start.addingTimeInterval(2)).blockedBecause == .dailyCap)
            let visitor = try await bakery.customer("visitor")
            #expect(try await bakery.send("Hello, is anyone there?", from: visitor, at: start.addingTimeInterval(3), isNew: true, remoteAddress: address).blockedBecause == .ipLimit)
            // …and a counter under the same key in the other tenant is invisible too.
            try await store.pool.write { db in
                try db.execute(sql: "INSERT INTO guard_counters (tenant_id, key, window_start, count) VALUES ('bakery', 'messages:cleo', ?, 1000)",
                               arguments: [GuardEvaluation.start(of: GuardScenario.start.milliseconds, every: GuardEvaluation.day)])
            }
            // Florist's customer from the same address starts fresh.
            let cleo = try await florist.customer("cleo")
            #expect(try await florist.send("Hello, do you have tulips?", from: cleo, at: start.addingTimeInterval(4), isNew: true, remoteAddress: address) == .allow)
            #expect(try await florist.send("Hello, and roses as well?", from: cleo, at: start.addingTimeInterval(5)) == .allow)
        }
    }

    @Test func gibberishIsBlockedUnlessTheTenantTurnsItOff() async throws {
        try await withTestStore { store, _ in
            let scenario = GuardScenario(store: store)
            let ada = try await scenario.customer("ada")
            #expect(try await scenario.send("asdfghjkl", from: ada, at: start) == .block(.gibberish, notice: GuardReason.gibberish.defaultNotice))
            #expect(try await scenario.send("sdkjfh sdkjfh", from: ada, at: start.addingTimeInterval(60)) == .block(.gibberish, notice: nil))
            #expect(try await scenario.send("Sorry, my cat walked on the keyboard", from: ada, at: start.addingTimeInterval(120)) == .allow)

            let lenient = GuardScenario(store: store, tenantID: "florist", limits: TenantLimits(detectGibberish: false))
            let bea = try await lenient.customer("bea")
            #expect(try await lenient.send("asdfghjkl", from: bea, at: start) == .allow)
        }
    }

    @Test func tenantsChooseTheWordsOrSilence() async throws {
        try await withTestStore { store, _ in
            let limits = TenantLimits(customerDailyMessages: 1, noticeMessages: [.dailyCap: "That's all for today, see you tomorrow!", .gibberish: ""])
            let scenario = GuardScenario(store: store, limits: limits)
            let ada = try await scenario.customer("ada")
            #expect(try await scenario.send("qwertyuiop", from: ada, at: start) == .block(.gibberish, notice: nil))
            #expect(try await scenario.send("Hello, is the shop open?", from: ada, at: start.addingTimeInterval(60))
                    == .block(.dailyCap, notice: "That's all for today, see you tomorrow!"))
        }
    }

    @Test func trustLevels() {
        let limits = TenantLimits()
        let now = GuardScenario.start
        let fresh = CustomerRecord(id: "a", tenantID: "t", createdAt: now.addingTimeInterval(-3600))
        #expect(TrustLevel(customer: fresh, acceptedMessages: 3, now: now, limits: limits) == .new)
        #expect(TrustLevel(customer: fresh, acceptedMessages: 20, now: now, limits: limits) == .known)
        let old = CustomerRecord(id: "b", tenantID: "t", createdAt: now.addingTimeInterval(-7 * 86_400))
        #expect(TrustLevel(customer: old, acceptedMessages: 0, now: now, limits: limits) == .known)
        let verified = CustomerRecord(id: "c", tenantID: "t", isVerified: true, createdAt: now)
        #expect(TrustLevel(customer: verified, acceptedMessages: 0, now: now, limits: limits) == .verified)
        #expect(limits.trustMultipliers[.new] == 1)
        #expect(limits.trustMultipliers[.known] == 2)
        #expect(limits.trustMultipliers[.verified] == 4)
    }

    @Test func pruningKeepsCurrentWindows() async throws {
        try await withTestStore { store, _ in
            let scenario = GuardScenario(store: store, limits: TenantLimits(customerDailyMessages: 1))
            let ada = try await scenario.customer("ada")
            _ = try await scenario.send("Old question about the bread", from: ada, at: start.addingTimeInterval(-5 * 86_400))
            _ = try await scenario.send("New question about the bread", from: ada, at: start)
            let stage = GuardStage(store: store, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), now: { GuardScenario.start })
            #expect(try await stage.prune(tenantID: "bakery") == 1)
            #expect(try await scenario.send("Another question about the bread", from: ada, at: start.addingTimeInterval(60)).blockedBecause == .dailyCap)
        }
    }
}
