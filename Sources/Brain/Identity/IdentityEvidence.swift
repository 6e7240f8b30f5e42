import ChannelKit

/// What a sender's message tells about who they are: their normalized phone and email, and
/// whether the channel proved each one or the person only claimed it.
///
/// SMS, WhatsApp and voice prove a phone number: the sender's channel user id is the number the
/// provider delivered from. Email proves an address the same way. Every other channel (the API,
/// Telegram, Instagram, web chat) can only carry a phone or email the person gave
/// (``Participant/phone``, ``Participant/email``): a claim.
public struct IdentityEvidence: Sendable, Hashable {
    /// One identifier and how it is known.
    public struct Identifier: Sendable, Hashable, CustomStringConvertible {
        /// Which kind of identifier it is.
        public enum Kind: String, Sendable, Hashable {
            case phone
            case email
        }

        public var kind: Kind
        /// E.164 for a phone, lower-cased for an email.
        public var value: String
        /// Whether the channel itself proved it, rather than the person claiming it.
        public var isProven: Bool
        /// The channel the message came on.
        public var channel: ChannelRef

        /// `phone +14155550100 proven by sms channel acme-sms`, or
        /// `email ada@example.com claimed on webchat channel acme-chat`.
        public var description: String {
            let how = isProven ? "proven by" : "claimed on"
            return "\(kind.rawValue) \(value) \(how) \(channel.kind.rawValue) channel \(channel.channelID)"
        }
    }

    /// The sender's phone number, if the channel proved it or the sender gave a plausible one.
    public var phone: Identifier?
    /// The sender's email address, if the channel proved it or the sender gave a valid one.
    public var email: Identifier?

    /// Reads the evidence in one sender's message.
    ///
    /// - Parameters:
    ///   - sender: the participant as the adapter normalized it.
    ///   - channel: the channel the message came on; its kind decides what is proven.
    ///   - defaultRegion: the region national phone numbers belong to (ISO alpha-2).
    public init(sender: Participant, channel: ChannelRef, defaultRegion: String) {
        let proven = Self.provenKind(on: channel.kind)
        let provenPhone = proven == .phone ? PhoneNumber.normalize(sender.channelUserID, defaultRegion: defaultRegion) : nil
        let provenEmail = proven == .email ? EmailAddress.normalize(sender.channelUserID) : nil
        if let provenPhone {
            phone = Identifier(kind: .phone, value: provenPhone, isProven: true, channel: channel)
        } else if let claimed = sender.phone.flatMap({ PhoneNumber.normalize($0, defaultRegion: defaultRegion) }) {
            phone = Identifier(kind: .phone, value: claimed, isProven: false, channel: channel)
        }
        if let provenEmail {
            email = Identifier(kind: .email, value: provenEmail, isProven: true, channel: channel)
        } else if let claimed = sender.email.flatMap(EmailAddress.normalize) {
            email = Identifier(kind: .email, value: claimed, isProven: false, channel: channel)
        }
    }

    /// The identifier a channel of this kind proves through the sender's channel user id, if any.
    public static func provenKind(on kind: ChannelKind) -> Identifier.Kind? {
        switch kind {
        case .sms, .whatsapp, .voice: .phone
        case .email: .email
        case .api, .telegram, .instagram, .webchat: nil
        }
    }

    /// Whether the channel proved at least one identifier.
    public var isVerified: Bool {
        phone?.isProven == true || email?.isProven == true
    }

    /// The identifiers to link by, strongest first: proven before claimed, phone before email.
    public var linkCandidates: [Identifier] {
        let all = [phone, email].compactMap { $0 }
        return all.filter(\.isProven) + all.filter { !$0.isProven }
    }

    /// What a new identity's `evidence` column records.
    func summary(on channel: ChannelRef) -> String {
        let facts = [phone, email].compactMap { $0?.description }
        return facts.isEmpty ? "first message on \(channel.kind.rawValue) channel \(channel.channelID)" : facts.joined(separator: "; ")
    }
}
