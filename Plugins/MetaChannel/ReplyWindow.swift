import Foundation

/// A messaging window: how long after the customer's last message a business may send free-form
/// messages. WhatsApp's customer service window and Instagram's standard messaging window are
/// both 24 hours; outside them WhatsApp accepts only template messages and Instagram nothing
/// (except human-agent messages with the `HUMAN_AGENT` tag, which the assistant never uses).
public struct ReplyWindow: Hashable, Sendable {
    /// The 24-hour window of WhatsApp and Instagram.
    public static let twentyFourHours = ReplyWindow(duration: .seconds(86_400))

    /// How long the window stays open after the customer's last message.
    public var duration: Duration

    public init(duration: Duration) {
        self.duration = duration
    }

    /// Whether a free-form message may be sent at `now`: the customer wrote less than
    /// ``duration`` before. Without a known last message the window is closed.
    public func isOpen(lastInboundAt: Date?, now: Date) -> Bool {
        guard let lastInboundAt else { return false }
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return now.timeIntervalSince(lastInboundAt) < seconds
    }
}
