import APIChannel
import ChannelKit
import Foundation
import Testing

@Suite struct ConfigurationTests {
    @Test func describesItself() {
        #expect(APIChannelAdapter.type == "api")
        #expect(APIChannelAdapter.kind == .api)
        #expect(APIChannelAdapter.settingKeys == ["callbackURL", "maxTextLength"])
        #expect(APIChannelAdapter.secretKeys == ["signingSecret"])
    }

    @Test func buildsFromAValidConfiguration() throws {
        let adapter = try APIChannelAdapter(configuration: TestChannel.configuration(settings: ["maxTextLength": .number(1600)]))
        #expect(adapter.ref == TestChannel.ref)
        #expect(adapter.settings.callbackURL.absoluteString == TestChannel.callbackURL)
        #expect(adapter.settings.maxTextLength == 1600)
        #expect(adapter.capabilities == ChannelCapabilities(
            deliveryMode: .providerAPI,
            maxTextLength: 1600,
            markup: .plain,
            supportsMedia: true,
            supportsTypingIndicator: false,
            supportsQuickReplies: true
        ))
    }

    @Test func defaultsMaxTextLengthTo4096() throws {
        let adapter = try APIChannelAdapter(configuration: TestChannel.configuration())
        #expect(adapter.capabilities.maxTextLength == 4096)
    }

    @Test func requiresACallbackURL() throws {
        let configuration = ChannelConfiguration(ref: TestChannel.ref, secrets: ["signingSecret": TestChannel.secret])
        let error = try #require(throws: ChannelConfigurationError.self) { try APIChannelAdapter(configuration: configuration) }
        #expect(error.key == "settings.callbackURL")
    }

    @Test(arguments: ["", "integrator.example/replies", "/replies", "ftp://integrator.example/replies"])
    func refusesACallbackURLThatIsNotAbsoluteHTTP(url: String) throws {
        let configuration = TestChannel.configuration(settings: ["callbackURL": .string(url)])
        let error = try #require(throws: ChannelConfigurationError.self) { try APIChannelAdapter(configuration: configuration) }
        #expect(error.key == "settings.callbackURL")
    }

    @Test(arguments: [[:], ["signingSecret": Secret("")]] as [[String: Secret]])
    func requiresASigningSecret(secrets: [String: Secret]) throws {
        let configuration = TestChannel.configuration(secrets: secrets)
        let error = try #require(throws: ChannelConfigurationError.self) { try APIChannelAdapter(configuration: configuration) }
        #expect(error.key == "secrets.signingSecret")
    }

    @Test(arguments: [JSONValue.number(0), .number(-5), .number(100_001), .number(12.5), .number(1e300), .string("4096"), .bool(true)])
    func refusesABadMaxTextLength(value: JSONValue) throws {
        let configuration = TestChannel.configuration(settings: ["maxTextLength": value])
        let error = try #require(throws: ChannelConfigurationError.self) { try APIChannelAdapter(configuration: configuration) }
        #expect(error.key == "settings.maxTextLength")
    }

    @Test(arguments: [1, 100_000])
    func acceptsTheBoundsOfMaxTextLength(value: Int) throws {
        let adapter = try TestChannel.adapter(maxTextLength: value)
        #expect(adapter.settings.maxTextLength == value)
    }
}
