import Foundation

/// The delivery state of a message the gateway sent.
public enum DeliveryStatus: String, Codable, Sendable, CaseIterable {
    /// Stored in the outbox, not yet accepted by the provider.
    case queued
    /// Accepted by the provider.
    case sent
    /// The provider reports it reached the customer's device.
    case delivered
    /// The customer read it.
    case read
    /// Sending failed for good.
    case failed
    /// The request may or may not have reached the provider (a timeout after sending); it is not
    /// resent blindly, to avoid a double reply.
    case uncertain
}

/// A provider's report on a message the gateway sent earlier.
public struct DeliveryReceipt: Hashable, Codable, Sendable {
    /// The provider's id for the outbound message, as returned when it was sent.
    public var providerMessageID: String
    public var status: DeliveryStatus
    public var timestamp: Date
    /// The provider's error code, when ``status`` is ``DeliveryStatus/failed``.
    public var errorCode: String?
    /// The provider's error text, when ``status`` is ``DeliveryStatus/failed``.
    public var errorDescription: String?

    public init(
        providerMessageID: String,
        status: DeliveryStatus,
        timestamp: Date,
        errorCode: String? = nil,
        errorDescription: String? = nil
    ) {
        self.providerMessageID = providerMessageID
        self.status = status
        self.timestamp = timestamp
        self.errorCode = errorCode
        self.errorDescription = errorDescription
    }
}
