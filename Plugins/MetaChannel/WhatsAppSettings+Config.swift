import ChannelKit

extension WhatsAppSettings {
    /// The settings keys the WhatsApp channel reads, besides the Meta app's.
    enum Key {
        /// Required: the business phone number id.
        static let phoneNumberID = "phoneNumberId"
        /// Optional integer, 1...4096, default 4096.
        static let maxTextLength = "maxTextLength"
        /// Optional object `{"name": …, "language": "en_US"}`.
        static let template = "template"
        /// Optional string of 1...20 characters, default "Options".
        static let listButtonText = "listButtonText"
        /// Optional boolean, default false.
        static let typingIndicator = "typingIndicator"

        static let all: Set<String> = [phoneNumberID, maxTextLength, template, listButtonText, typingIndicator]
    }

    /// Reads and validates a WhatsApp channel's configuration.
    ///
    /// - `settings.phoneNumberId` (required): the numeric phone number id.
    /// - `settings.maxTextLength` (optional): 1...4096, default 4096.
    /// - `settings.template` (optional): `{"name": "…", "language": "en_US"}`, the template sent
    ///   outside the 24-hour window (`language` defaults to `en_US`).
    /// - `settings.listButtonText` (optional): the label of the options-list button, default "Options".
    /// - `settings.typingIndicator` (optional): `true` to show a typing indicator with each read
    ///   receipt, default `false`.
    /// - `settings.graphBaseURL`, `settings.graphVersion`, `secrets.accessToken`,
    ///   `secrets.appSecret`, `secrets.verifyToken`: see ``MetaAppSettings``.
    ///
    /// - Throws: ``ChannelConfigurationError`` naming the offending key.
    public init(configuration: ChannelConfiguration) throws(ChannelConfigurationError) {
        self.app = try MetaAppSettings(configuration: configuration)
        self.phoneNumberID = try configuration.requireNodeID(Key.phoneNumberID)
        self.maxTextLength = try configuration.boundedInt(Key.maxTextLength, in: Self.maxTextLengthRange, default: Self.defaultMaxTextLength)
        self.template = try Self.template(in: configuration)
        let listButtonText = try configuration.string(Key.listButtonText) ?? Self.defaultListButtonText
        guard listButtonText.count <= WhatsAppLimits.maxListButtonText, !listButtonText.allSatisfy(\.isWhitespace) else {
            throw ChannelConfigurationError(key: "settings.\(Key.listButtonText)", reason: "expected 1 to \(WhatsAppLimits.maxListButtonText) characters")
        }
        self.listButtonText = listButtonText
        self.showsTypingIndicator = try configuration.bool(Key.typingIndicator) ?? false
    }

    private static func template(in configuration: ChannelConfiguration) throws(ChannelConfigurationError) -> WhatsAppTemplate? {
        let path = "settings.\(Key.template)"
        let members: [String: JSONValue]
        switch configuration.settings[Key.template] {
        case nil, .null?: return nil
        case .object(let object)?: members = object
        case let other?: throw ChannelConfigurationError(key: path, reason: "expected an object {\"name\", \"language\"}, found \(other.typeName)")
        }
        if let unknown = members.keys.sorted().first(where: { !["name", "language"].contains($0) }) {
            throw ChannelConfigurationError(key: "\(path).\(unknown)", reason: "unknown key (expected one of: language, name)")
        }
        guard case .string(let name)? = members["name"], !name.isEmpty, name.count <= 512 else {
            throw ChannelConfigurationError(key: "\(path).name", reason: "expected the approved template's name, a non-empty string")
        }
        switch members["language"] {
        case nil, .null?:
            return WhatsAppTemplate(name: name)
        case .string(let language)? where !language.isEmpty && language.count <= 16:
            return WhatsAppTemplate(name: name, language: language)
        default:
            throw ChannelConfigurationError(key: "\(path).language", reason: "expected a language code such as \"en_US\"")
        }
    }
}
