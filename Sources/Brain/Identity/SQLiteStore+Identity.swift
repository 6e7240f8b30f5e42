import ChannelKit
import Foundation
import GRDB

extension SQLiteStore {
    /// Finds the customer who sent a message, linking channels by phone and email.
    ///
    /// In one transaction: a known identity (tenant, channel kind, channel user id) gives its
    /// customer, who gains any phone or email they lacked. A new identity joins the tenant's
    /// customer with the same normalized phone or email (proven identifiers are tried first, then
    /// claimed ones; phone before email), recording a `link` with its evidence; otherwise a new
    /// customer is created (`create`). A display name never links. Two existing customers are
    /// never merged here: that is ``merge(customerID:into:tenantID:reason:)``.
    ///
    /// A claimed identifier links too (anyone can type an address into a web chat), so the
    /// sender's own identity says whether the channel proved it: see ``identity(of:on:)`` and
    /// ``ChannelIdentityRecord/verified`` before showing one channel's history on another.
    ///
    /// - Parameters:
    ///   - sender: who sent the message, as the adapter gave it.
    ///   - channel: the channel it came on (its tenant scopes everything).
    ///   - defaultRegion: the tenant's region for national phone numbers (ISO alpha-2).
    /// - Returns: the customer, and whether they were created for this message.
    public func resolveCustomer(_ sender: Participant, on channel: ChannelRef, defaultRegion: String) async throws -> (customer: CustomerRecord, isNew: Bool) {
        let evidence = IdentityEvidence(sender: sender, channel: channel, defaultRegion: defaultRegion)
        let now = Self.now()
        return try await pool.write { db in
            try Self.resolveCustomer(sender, on: channel, evidence: evidence, now: now, db)
        }
    }

    /// ``resolveCustomer(_:on:defaultRegion:)`` inside a write transaction the caller holds.
    static func resolveCustomer(_ sender: Participant, on channel: ChannelRef, evidence: IdentityEvidence, now: Int64, _ db: Database) throws -> (customer: CustomerRecord, isNew: Bool) {
        let resolved: (customerID: String, isNew: Bool)
        if let identity = try IdentityRows.identity(db, channelUserID: sender.channelUserID, on: channel) {
            try Self.update(identity, with: evidence, displayName: sender.displayName, db)
            resolved = (identity.customerID, false)
        } else {
            resolved = try Self.addIdentity(for: sender, on: channel, evidence: evidence, now: now, db)
        }
        guard let customer = try IdentityRows.customer(db, id: resolved.customerID, tenantID: channel.tenantID) else {
            throw IdentityError.missing(customer: resolved.customerID)
        }
        return (customer, resolved.isNew)
    }

    /// A tenant's customer by id, or nil if the tenant has none with that id.
    public func customer(id: String, tenantID: String) async throws -> CustomerRecord? {
        try await pool.read { db in
            try IdentityRows.customer(db, id: id, tenantID: tenantID)
        }
    }

    /// The identity a sender has on a kind of channel, if they wrote before.
    public func identity(of sender: Participant, on channel: ChannelRef) async throws -> ChannelIdentityRecord? {
        try await pool.read { db in
            try IdentityRows.identity(db, channelUserID: sender.channelUserID, on: channel)
        }
    }

    /// A customer's identities on every channel, oldest first.
    public func identities(customerID: String, tenantID: String) async throws -> [ChannelIdentityRecord] {
        try await pool.read { db in
            try Row.fetchAllCached(
                db,
                sql: "SELECT * FROM channel_identities WHERE tenant_id = ? AND customer_id = ? ORDER BY created_at, rowid",
                arguments: [tenantID, customerID]
            ).map(ChannelIdentityRecord.init(row:))
        }
    }

    /// A customer's identity history (links, unlinks, merges, creation), oldest first.
    public func linkHistory(customerID: String, tenantID: String) async throws -> [IdentityLinkRecord] {
        try await pool.read { db in
            try Row.fetchAllCached(
                db,
                sql: "SELECT * FROM identity_links WHERE tenant_id = ? AND customer_id = ? ORDER BY created_at, rowid",
                arguments: [tenantID, customerID]
            ).map(IdentityLinkRecord.init(row:))
        }
    }

    /// Records what a known identity's message adds: a proven identifier replaces the stored one
    /// (the channel user id cannot change); a claimed one only fills a gap. The customer gains
    /// whatever they lack.
    private static func update(_ identity: ChannelIdentityRecord, with evidence: IdentityEvidence, displayName: String?, _ db: Database) throws {
        try db.executeCached(
            sql: """
                UPDATE channel_identities
                SET phone = CASE WHEN :phoneProven THEN :phone ELSE COALESCE(phone, :phone) END,
                    email = CASE WHEN :emailProven THEN :email ELSE COALESCE(email, :email) END,
                    verified = MAX(verified, :verified),
                    display_name = COALESCE(:name, display_name)
                WHERE id = :id AND tenant_id = :tenant
                """,
            arguments: [
                "phone": evidence.phone?.value, "phoneProven": evidence.phone?.isProven == true,
                "email": evidence.email?.value, "emailProven": evidence.email?.isProven == true,
                "verified": evidence.isVerified, "name": displayName, "id": identity.id, "tenant": identity.tenantID,
            ]
        )
        guard let updated = try IdentityRows.identity(db, id: identity.id, tenantID: identity.tenantID) else { return }
        try IdentityRows.fillContact(
            db, customerID: updated.customerID, tenantID: updated.tenantID,
            displayName: updated.displayName, phone: updated.phone, email: updated.email
        )
    }

    /// Stores a sender's first identity on a kind of channel, linked to the customer who shares
    /// a phone or email, or to a new customer. Returns the customer's id and whether it is new.
    private static func addIdentity(
        for sender: Participant, on channel: ChannelRef, evidence: IdentityEvidence, now: Int64, _ db: Database
    ) throws -> (customerID: String, isNew: Bool) {
        var match: (customerID: String, identifier: IdentityEvidence.Identifier)?
        for candidate in evidence.linkCandidates {
            if let customerID = try IdentityRows.customerID(db, matching: candidate) {
                match = (customerID, candidate)
                break
            }
        }
        let customerID = try match?.customerID ?? IdentityRows.insertCustomer(
            db, tenantID: channel.tenantID, displayName: sender.displayName,
            phone: evidence.phone?.value, email: evidence.email?.value, now: now
        )
        let identityID = UUID().uuidString.lowercased()
        try db.executeCached(
            sql: """
                INSERT INTO channel_identities (id, tenant_id, customer_id, channel_kind, channel_id, channel_user_id,
                                                display_name, phone, email, verified, evidence, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [identityID, channel.tenantID, customerID, channel.kind.rawValue, channel.channelID,
                        sender.channelUserID, sender.displayName, evidence.phone?.value, evidence.email?.value,
                        evidence.isVerified, evidence.summary(on: channel), now]
        )
        if let match {
            try IdentityRows.fillContact(
                db, customerID: customerID, tenantID: channel.tenantID, displayName: sender.displayName,
                phone: evidence.phone?.value, email: evidence.email?.value
            )
            try IdentityRows.recordLink(
                db, tenantID: channel.tenantID, customerID: customerID, identityID: identityID,
                action: .link, evidence: match.identifier.description, now: now
            )
        } else {
            try IdentityRows.recordLink(
                db, tenantID: channel.tenantID, customerID: customerID, identityID: identityID,
                action: .create, evidence: evidence.summary(on: channel), now: now
            )
        }
        return (customerID, match == nil)
    }
}
