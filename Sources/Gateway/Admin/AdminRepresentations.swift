import Brain
import ChannelKit
import Foundation
import Hummingbird

/// The JSON shapes of the admin API (docs/ADMIN_API.md, Sources/Gateway/Admin/openapi.json).
enum AdminJSON {
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value)))
        )
    }

    struct Page<Item: Encodable>: Encodable {
        var data: [Item]
        @Nullable var nextCursor: String?
    }

    struct Tenant: Encodable {
        var id: String
        var name: String
        var defaultRegion: String
        var language: String
    }

    struct Conversation: Encodable {
        var id: String
        var channelId: String
        var channelKind: String
        var customerId: String
        var status: String
        @Nullable var assignedTo: String?
        var createdAt: String
        var updatedAt: String

        init(_ record: ConversationRecord, kind: ChannelKind?) {
            id = record.id
            channelId = record.channelID
            channelKind = (kind ?? .api).rawValue
            customerId = record.customerID
            status = record.status.rawValue
            assignedTo = record.assignedTo
            createdAt = AdminJSON.timestamp(record.createdAt)
            updatedAt = AdminJSON.timestamp(record.updatedAt)
        }
    }

    struct Message: Encodable {
        var id: String
        var conversationId: String
        var direction: String
        var author: String
        @Nullable var agent: String?
        var text: String
        var createdAt: String
        @Nullable var deliveryStatus: String?
        @Nullable var deliveryError: String?
        @Nullable var answerSource: String?
        @Nullable var blockedReason: String?

        init(_ record: MessageRecord) {
            id = record.id
            conversationId = record.conversationID
            direction = record.direction.rawValue
            author = record.author.rawValue
            agent = record.agent
            text = record.text
            createdAt = AdminJSON.timestamp(record.createdAt)
            deliveryStatus = record.deliveryStatus
            deliveryError = record.deliveryError
            answerSource = record.answerSource
            blockedReason = record.blockedReason
        }
    }

    struct AuditEntry: Encodable {
        struct Actor: Encodable {
            var keyId: String
            var name: String
            var role: String
        }

        var id: Int64
        var at: String
        var actor: Actor
        var action: String
        var target: String
        @Nullable var details: [String: String]?

        init(_ entry: Brain.AuditEntry) {
            id = entry.id
            at = AdminJSON.timestamp(entry.createdAt)
            actor = Actor(keyId: entry.keyID, name: entry.actorName, role: entry.actorRole.rawValue)
            action = entry.action
            target = entry.target
            details = entry.details
        }
    }

    struct ReplyRequest: Decodable {
        var text: String
    }

    struct ReplyResult: Encodable {
        var message: Message
        var conversation: Conversation
    }
}

extension AdminJSON {
    struct Channel: Encodable {
        struct Counts: Encodable {
            var received: Int
            var sent: Int
            var pending: Int
            var failed: Int
            var uncertain: Int
            var processingFailures: Int
        }

        var id: String
        var type: String
        var kind: String
        var status: String
        @Nullable var statusReason: String?
        @Nullable var pausedBy: String?
        @Nullable var pausedAt: String?
        @Nullable var lastInboundAt: String?
        @Nullable var lastOutboundAt: String?
        var counts: Counts
    }
}

extension AdminJSON {
    struct Customer: Encodable {
        var id: String
        @Nullable var displayName: String?
        @Nullable var phone: String?
        @Nullable var email: String?
        var verified: Bool
        var blocked: Bool
        @Nullable var blockedAt: String?
        var tags: [String]
        var createdAt: String

        init(_ record: CustomerRecord, tags: [String]) {
            id = record.id
            displayName = record.displayName
            phone = record.phone
            email = record.email
            verified = record.isVerified
            blocked = record.blockedAt != nil
            blockedAt = record.blockedAt.map(AdminJSON.timestamp)
            self.tags = tags
            createdAt = AdminJSON.timestamp(record.createdAt)
        }
    }

    struct Identity: Encodable {
        var id: String
        var channelId: String
        var channelKind: String
        var channelUserId: String
        @Nullable var displayName: String?
        @Nullable var phone: String?
        @Nullable var email: String?
        var verified: Bool
        var evidence: String
        var createdAt: String
    }

    struct Link: Encodable {
        var action: String
        @Nullable var identityId: String?
        var evidence: String
        var at: String
    }

    struct CustomerDetail: Encodable {
        var customer: Customer
        var identities: [Identity]
        var links: [Link]

        init(_ record: CustomerRecord, tags: [String], identities: [ChannelIdentityRecord], links: [IdentityLinkRecord]) {
            customer = Customer(record, tags: tags)
            self.identities = identities.map {
                Identity(
                    id: $0.id, channelId: $0.channelID, channelKind: $0.channelKind.rawValue, channelUserId: $0.channelUserID,
                    displayName: $0.displayName, phone: $0.phone, email: $0.email, verified: $0.verified, evidence: $0.evidence,
                    createdAt: AdminJSON.timestamp($0.createdAt)
                )
            }
            self.links = links.map {
                Link(action: $0.action.rawValue, identityId: $0.identityID, evidence: $0.evidence, at: AdminJSON.timestamp($0.createdAt))
            }
        }

        /// The customer's fields at the top level, then `identities` and `links`.
        func encode(to encoder: any Encoder) throws {
            try customer.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(identities, forKey: .identities)
            try container.encode(links, forKey: .links)
        }

        enum CodingKeys: String, CodingKey { case identities, links }
    }
}

extension AdminJSON {
    /// An amount in nano-units as an exact decimal string (`12_500_000` → `"0.0125"`).
    static func money(_ nanos: Int64) -> String {
        let sign = nanos < 0 ? "-" : ""
        let magnitude = nanos.magnitude
        let units = magnitude / UInt64(Nanos.perUnit)
        var fraction = String(format: "%09llu", magnitude % UInt64(Nanos.perUnit))
        while fraction.count > 2, fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(units).\(fraction)"
    }

    struct Analytics: Encodable {
        struct DayCount: Encodable {
            var day: String
            var channelId: String
            var inbound: Int
            var outbound: Int
        }

        struct ResponseTimes: Encodable {
            var answered: Int
            var unanswered: Int
            @Nullable var p50Ms: Int64?
            @Nullable var p90Ms: Int64?
            @Nullable var maxMs: Int64?
        }

        struct Cache: Encodable {
            var hits: Int
            var misses: Int
            @Nullable var hitRate: Double?
            var savedCost: String
        }

        struct Cost: Encodable {
            var kind: String
            @Nullable var channelId: String?
            var quantity: Int64
            var unit: String
            var amount: String
        }

        struct Budget: Encodable {
            struct Alert: Encodable {
                var threshold: Int
                var at: String
            }

            var month: String
            var limit: String
            var spent: String
            var reserved: String
            var remaining: String
            var exhausted: Bool
            var alerts: [Alert]
        }

        struct Blocked: Encodable {
            var reason: String
            var count: Int
        }

        var from: String
        var to: String
        var currency: String
        var messages: [DayCount]
        var responseTimes: ResponseTimes
        var cache: Cache
        var costs: [Cost]
        var totalCost: String
        var budget: Budget
        var blocked: [Blocked]

        init(_ report: TenantAnalytics, range: DateRange, budget state: BudgetState?) {
            from = range.fromDay
            to = range.toDay
            currency = state?.currency ?? ""
            messages = report.messages.map { DayCount(day: $0.day, channelId: $0.channelID, inbound: $0.inbound, outbound: $0.outbound) }
            let waits = report.responseTimes
            // Nearest rank: the smallest wait that at least `p` of the waits do not exceed.
            func percentile(_ p: Double) -> Int64? {
                guard !waits.isEmpty else { return nil }
                let rank = Int((Double(waits.count) * p).rounded(.up))
                return waits[min(waits.count, max(rank, 1)) - 1]
            }
            responseTimes = ResponseTimes(answered: waits.count, unanswered: report.unanswered, p50Ms: percentile(0.5), p90Ms: percentile(0.9), maxMs: waits.last)
            let lookups = report.cacheHits + report.cacheMisses
            cache = Cache(
                hits: report.cacheHits, misses: report.cacheMisses,
                hitRate: lookups == 0 ? nil : Double(report.cacheHits) / Double(lookups), savedCost: AdminJSON.money(report.cacheSavedNanos)
            )
            costs = report.costs.map { Cost(kind: $0.kind, channelId: $0.channelID, quantity: $0.quantity, unit: $0.unit, amount: AdminJSON.money($0.amountNanos)) }
            totalCost = AdminJSON.money(report.costs.reduce(0) { $0 + $1.amountNanos })
            budget = Budget(
                month: state?.month ?? "", limit: AdminJSON.money(state?.limitNanos ?? 0), spent: AdminJSON.money(state?.spentNanos ?? 0),
                reserved: AdminJSON.money(state?.reservedNanos ?? 0), remaining: AdminJSON.money(state?.remainingNanos ?? 0),
                exhausted: state?.isExhausted ?? false,
                alerts: (state?.alerts ?? []).map { Budget.Alert(threshold: $0.threshold, at: AdminJSON.timestamp($0.createdAt)) }
            )
            blocked = report.blocked.sorted { $0.key < $1.key }.map { Blocked(reason: $0.key, count: $0.value) }
        }
    }
}

/// An optional that is written as `null` when absent (the synthesized encoding leaves the key
/// out), as the OpenAPI document requires every key of these objects.
@propertyWrapper
struct Nullable<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue {
            try container.encode(wrappedValue)
        } else {
            try container.encodeNil()
        }
    }
}

extension Nullable: Decodable where Value: Decodable {
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }
}

extension KeyedDecodingContainer {
    /// A missing key is nil for ``Nullable`` (the synthesized decoding would ask for the key).
    func decode<Value: Decodable>(_ type: Nullable<Value>.Type, forKey key: Key) throws -> Nullable<Value> {
        try decodeIfPresent(type, forKey: key) ?? Nullable(wrappedValue: nil)
    }
}
