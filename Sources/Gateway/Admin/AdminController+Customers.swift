import Brain
import Foundation
import Hummingbird

/// `/api/v1/customers`: search, detail with every identity and its link evidence, block and
/// unblock, and erasure on a privacy request.
extension AdminController {
    func addCustomerRoutes(to api: RouterGroup<GatewayRequestContext>) {
        api.get("/customers") { request, context in try await listCustomers(request, context) }
        api.get("/customers/{customerId}") { _, context in
            let key = try context.requireKey()
            return try AdminJSON.response(try await detail(try customerID(context), key: key))
        }
        api.post("/customers/{customerId}/block") { _, context in try await setBlocked(true, context) }
        api.post("/customers/{customerId}/unblock") { _, context in try await setBlocked(false, context) }
        api.delete("/customers/{customerId}") { _, context in try await erase(context) }
        api.post("/customers/{customerId}/merge") { request, context in try await merge(request, context) }
        api.post("/customers/{customerId}/identities/{identityId}/unlink") { request, context in try await unlink(request, context) }
        api.put("/customers/{customerId}/tags") { request, context in try await setTags(request, context) }
    }

    /// Replaces the customer's tags (lower-cased, trimmed, duplicates removed).
    private func setTags(_ request: Request, _ context: GatewayRequestContext) async throws -> Response {
        let key = try context.requireKey()
        let id = try customerID(context)
        struct Body: Decodable {
            var tags: [String]
        }
        let body = try await AdminRequestBody.decode(Body.self, from: request, limit: 16 * 1024)
        guard body.tags.count <= 20 else { throw AdminAPIError.validation("tags", "at most 20 tags") }
        var tags = Set<String>()
        for (index, raw) in body.tags.enumerated() {
            guard let tag = Self.tag(raw) else {
                throw AdminAPIError.validation("tags[\(index)]", "a tag is 1 to 50 characters, not only spaces, without control characters")
            }
            tags.insert(tag)
        }
        guard try await store.setCustomerTags(tags, customerID: id, by: key) != nil else { throw Self.customerNotFound }
        return try AdminJSON.response(try await detail(id, key: key))
    }

    /// A tag as stored: trimmed, lower-cased; nil when empty, longer than 50 characters or
    /// holding control characters.
    static func tag(_ raw: String) -> String? {
        let tag = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard (1...50).contains(tag.unicodeScalars.count),
              !tag.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return nil }
        return tag
    }

    /// Merges this customer into `intoCustomerId` (the same person, reached twice without a
    /// shared phone or email); returns the customer that remains.
    private func merge(_ request: Request, _ context: GatewayRequestContext) async throws -> Response {
        let key = try context.requireKey(.admin)
        let source = try customerID(context)
        struct Body: Decodable {
            var intoCustomerId: String
            var reason: String?
        }
        let body: Body
        do {
            body = try JSONDecoder().decode(Body.self, from: try await request.body.collect(upTo: 16 * 1024))
        } catch {
            throw AdminAPIError.validation("intoCustomerId", "the body must be a JSON object with a string \"intoCustomerId\"")
        }
        guard !body.intoCustomerId.isEmpty, body.intoCustomerId.count <= 200, (body.reason?.unicodeScalars.count ?? 0) <= 500 else {
            throw AdminAPIError.validation("intoCustomerId", "intoCustomerId must be 1 to 200 characters and reason at most 500")
        }
        let target: CustomerRecord
        do {
            target = try await store.merge(customerID: source, into: body.intoCustomerId, tenantID: key.tenantID, reason: Self.reason(body.reason, key: key))
        } catch let error as IdentityError {
            throw Self.apiError(error)
        }
        try await store.recordAudit(key: key, action: "customer.merge", target: target.id, details: ["merged": source])
        return try AdminJSON.response(try await detail(target.id, key: key))
    }

    /// Takes a wrongly linked identity away from this customer; it gets a customer of its own,
    /// which is returned.
    private func unlink(_ request: Request, _ context: GatewayRequestContext) async throws -> Response {
        let key = try context.requireKey(.admin)
        let customer = try customerID(context)
        guard let identityID = context.parameters.get("identityId"), !identityID.isEmpty, identityID.count <= 200 else {
            throw AdminAPIError.validation("identityId", "identityId must be 1 to 200 characters")
        }
        guard try await store.identities(customerID: customer, tenantID: key.tenantID).contains(where: { $0.id == identityID }) else {
            throw AdminAPIError(.notFound, "the customer has no such identity")
        }
        let created: CustomerRecord
        do {
            created = try await store.unlink(identityID: identityID, tenantID: key.tenantID, reason: Self.reason(nil, key: key))
        } catch let error as IdentityError {
            throw Self.apiError(error)
        }
        try await store.recordAudit(key: key, action: "customer.unlink", target: customer, details: ["identity": identityID, "newCustomer": created.id])
        return try AdminJSON.response(try await detail(created.id, key: key))
    }

    private static func reason(_ given: String?, key: APIKeyRecord) -> String {
        let text = given?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return text.isEmpty ? "by \(key.name) through the admin API" : "\(text) (\(key.name), admin API)"
    }

    private static func apiError(_ error: IdentityError) -> AdminAPIError {
        if error.isNotFound { return AdminAPIError(.notFound, error.message) }
        return AdminAPIError(.conflict, error.message)
    }

    private func listCustomers(_ request: Request, _ context: GatewayRequestContext) async throws -> Response {
        let key = try context.requireKey()
        let page = try PageRequest(request)
        let query = request.uri.queryParameters
        var filter = CustomerFilter()
        if let raw = query["q"] {
            let text = String(raw)
            guard !text.isEmpty, text.unicodeScalars.count <= 200 else { throw AdminAPIError.validation("q", "q must be 1 to 200 characters") }
            filter.query = text
        }
        if let raw = query["tag"] {
            guard let tag = Self.tag(String(raw)) else {
                throw AdminAPIError.validation("tag", "tag must be 1 to 50 characters, not only spaces, without control characters")
            }
            filter.tag = tag
        }
        if let raw = query["blocked"] {
            guard let blocked = Bool(String(raw)) else { throw AdminAPIError.validation("blocked", "blocked must be true or false") }
            filter.blocked = blocked
        }
        var cursor: (Date, String)?
        if let parts = page.cursor {
            guard parts.count == 2, let millis = Int64(parts[0]) else {
                throw AdminAPIError.validation("cursor", "the cursor is not one this API gave out")
            }
            cursor = (Date(timeIntervalSince1970: Double(millis) / 1000), parts[1])
        }
        let records = try await store.customers(tenantID: key.tenantID, filter: filter, after: cursor, limit: page.limit + 1)
        let shown = Array(records.prefix(page.limit))
        let next = records.count > page.limit
            ? shown.last.map { PageRequest.encode(["\(Int64(($0.createdAt.timeIntervalSince1970 * 1000).rounded()))", $0.id]) } : nil
        let tags = try await store.customerTags(customerIDs: shown.map(\.id), tenantID: key.tenantID)
        return try AdminJSON.response(AdminJSON.Page(data: shown.map { AdminJSON.Customer($0, tags: tags[$0.id] ?? []) }, nextCursor: next))
    }

    private func detail(_ id: String, key: APIKeyRecord) async throws -> AdminJSON.CustomerDetail {
        guard let customer = try await store.customer(id: id, tenantID: key.tenantID) else { throw Self.customerNotFound }
        let identities = try await store.identities(customerID: id, tenantID: key.tenantID)
        let links = try await store.linkHistory(customerID: id, tenantID: key.tenantID)
        let tags = try await store.customerTags(customerIDs: [id], tenantID: key.tenantID)[id] ?? []
        return AdminJSON.CustomerDetail(customer, tags: tags, identities: identities, links: links)
    }

    private func setBlocked(_ blocked: Bool, _ context: GatewayRequestContext) async throws -> Response {
        let key = try context.requireKey()
        let id = try customerID(context)
        guard try await store.setCustomerBlocked(blocked, customerID: id, by: key) != nil else { throw Self.customerNotFound }
        return try AdminJSON.response(try await detail(id, key: key))
    }

    private func erase(_ context: GatewayRequestContext) async throws -> Response {
        let key = try context.requireKey(.admin)
        let id = try customerID(context)
        guard let erased = try await store.eraseCustomer(customerID: id, by: key) else { throw Self.customerNotFound }
        await memory?.forget(customerID: id, tenantID: key.tenantID)
        context.logger.notice("customer erased", metadata: ["customer": "\(id)", "messages": "\(erased.messages)"])
        return Response(status: .noContent)
    }

    private func customerID(_ context: GatewayRequestContext) throws -> String {
        guard let id = context.parameters.get("customerId"), !id.isEmpty, id.count <= 200 else {
            throw AdminAPIError.validation("customerId", "customerId must be 1 to 200 characters")
        }
        return id
    }

    static let customerNotFound = AdminAPIError(.notFound, "no such customer")
}
