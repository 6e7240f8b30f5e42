/// The kind of channel a message travelled on.
///
/// Identity rules depend on it: the same phone number on ``sms``, ``whatsapp`` and ``voice`` is one
/// customer; an email address on ``email`` and ``webchat`` is one customer.
public enum ChannelKind: String, Codable, Sendable, CaseIterable {
    /// The generic HTTP API channel an integrator speaks from any language.
    case api
    case sms
    case voice
    case email
    case whatsapp
    case telegram
    case instagram
    case webchat
}
