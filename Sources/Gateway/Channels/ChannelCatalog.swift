import APIChannel
import ChannelKit
import EmailChannel
import MetaChannel
import TelegramChannel
import TwilioChannel
import WebChatChannel

/// The adapters the gateway knows, by configuration `type`. Adding a channel means adding its
/// adapter type here; nothing else in the gateway knows any provider.
struct ChannelCatalog: Sendable {
    private let types: [String: any ChannelAdapter.Type]

    init(_ adapters: [any ChannelAdapter.Type]) {
        self.types = Dictionary(adapters.map { ($0.type, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every adapter shipped with the gateway.
    static let standard = ChannelCatalog([
        APIChannelAdapter.self, TelegramChannelAdapter.self, WhatsAppChannelAdapter.self, InstagramChannelAdapter.self,
        SMSChannelAdapter.self, VoiceChannelAdapter.self, SendGridEmailAdapter.self, WebChatChannelAdapter.self,
    ])

    func adapterType(named type: String) -> (any ChannelAdapter.Type)? {
        types[type]
    }

    var typeNames: [String] { types.keys.sorted() }
}
