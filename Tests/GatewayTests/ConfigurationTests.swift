import Foundation
import Testing

@testable import Gateway

@Suite struct ConfigurationTests {
    func parse(_ json: String, environment: [String: String] = [:]) throws(ConfigErrors) -> GatewayConfiguration {
        try ConfigurationLoader(environment: environment).parse(Data(json.utf8), file: "channels.json")
    }

    func errors(_ json: String, environment: [String: String] = [:]) -> [String] {
        do {
            _ = try parse(json, environment: environment)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    func tenant(channels: String = "[]", extra: String = "") -> String {
        #"{"tenants": [{"id": "t1", "name": "T"\#(extra), "channels": \#(channels)}]}"#
    }

    let apiChannel = #"{"id": "c1", "type": "api", "settings": {"callbackURL": "https://example.com/cb"}, "secrets": {"signingSecret": "env:C1_SECRET"}}"#

    @Test func theSampleConfigurationLoads() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("channels.json")
        let configuration = try ConfigurationLoader(environment: [:]).load(path: url.path)
        // The API channel and the web chat run without any environment; the others are examples.
        #expect(configuration.channels.activeCount == 2)
        #expect(configuration.channels["demo-webchat"]?.adapter != nil)
        #expect(configuration.tenants["demo"]?.knowledgeBase.isEmpty == false)
        // The sample's demo secret is inline, which is allowed with a warning.
        #expect(configuration.warnings.contains { $0.contains("demo-api") && $0.contains("inline") })
    }

    @Test func unknownKeysAreNamedWithTheirPath() {
        let found = errors(tenant(channels: "[\(apiChannel.dropLast())" + #", "colour": "red"}]"#, extra: #", "nmae": "x""#), environment: ["C1_SECRET": "x"])
        #expect(found.contains { $0.hasPrefix("channels.json: tenants[0].nmae: unknown key") })
        #expect(found.contains { $0.hasPrefix("channels.json: tenants[0].channels[0].colour: unknown key") })
    }

    @Test func unknownSettingsOfAnAdapterAreErrors() {
        let channel = #"{"id": "c1", "type": "api", "settings": {"callbackURL": "https://example.com/cb", "callbackUrl": "x"}, "secrets": {"signingSecret": "env:C1_SECRET"}}"#
        let found = errors(tenant(channels: "[\(channel)]"), environment: ["C1_SECRET": "x"])
        #expect(found.contains { $0.hasPrefix("channels.json: tenants[0].channels[0].settings.callbackUrl: unknown key") })
    }

    @Test func wrongTypesAreNamed() {
        let found = errors(#"{"gateway": {"maxBodyBytes": "big"}, "tenants": [{"id": 7, "name": "T"}]}"#)
        #expect(found.contains("channels.json: gateway.maxBodyBytes: expected a number, found a string"))
        #expect(found.contains("channels.json: tenants[0].id: expected a string, found a number"))
    }

    @Test func duplicateIdsAreErrors() {
        let second = apiChannel
        let json = #"{"tenants": [{"id": "t1", "name": "T", "channels": [\#(apiChannel)]}, {"id": "t2", "name": "U", "channels": [\#(second)]}, {"id": "t1", "name": "V"}]}"#
        let found = errors(json, environment: ["C1_SECRET": "x"])
        #expect(found.contains { $0.contains("tenants[1].channels[0].id: duplicate channel id \"c1\"") })
        #expect(found.contains { $0.contains("tenants[2].id: duplicate tenant id \"t1\"") })
    }

    @Test func knowledgeEntryIdsAreUsableInPaths() {
        let entries = #", "knowledgeBase": [{"id": "opening hours", "question": "Q?", "answer": "A."}, {"id": "ok-1", "question": "Q?", "answer": "A."}]"#
        let found = errors(tenant(extra: entries))
        #expect(found.count == 1)
        #expect(found.contains { $0.contains("tenants[0].knowledgeBase[0].id") && $0.contains("\"opening hours\" must be 1–64 letters, digits") })
    }

    @Test func anAdaptersOwnErrorNamesTheKey() {
        let channel = #"{"id": "c1", "type": "api", "settings": {"callbackURL": "not a url"}, "secrets": {"signingSecret": "env:C1_SECRET"}}"#
        let found = errors(tenant(channels: "[\(channel)]"), environment: ["C1_SECRET": "x"])
        #expect(found.contains { $0.hasPrefix("channels.json: tenants[0].channels[0].settings.callbackURL:") })
    }

    @Test func anUnknownChannelTypeListsTheKnownOnes() {
        let found = errors(tenant(channels: #"[{"id": "c1", "type": "carrier-pigeon"}]"#))
        #expect(found.contains("channels.json: tenants[0].channels[0].type: unknown channel type \"carrier-pigeon\" (known: api, email, instagram, sms, telegram, voice, webchat, whatsapp)"))
    }

    @Test func aMissingSecretDisablesOnlyThatChannel() throws {
        let configuration = try parse(tenant(channels: "[\(apiChannel)]"))
        let entry = try #require(configuration.channels["c1"])
        #expect(entry.adapter == nil)
        #expect(configuration.warnings.contains { $0.contains("t1") && $0.contains("c1") && $0.contains("C1_SECRET") })
    }

    @Test func aChannelSwitchedOffIsNeitherBuiltNorWarnedAbout() throws {
        let off = #"{"id": "c2", "type": "api", "enabled": false, "settings": {"callbackURL": "https://example.com/cb"}, "secrets": {"signingSecret": "env:UNSET_SECRET"}}"#
        let configuration = try parse(tenant(channels: "[\(apiChannel), \(off)]"), environment: ["C1_SECRET": "x"])
        #expect(configuration.channels["c2"]?.adapter == nil)
        #expect(configuration.channels.disabled.isEmpty)
        #expect(configuration.warnings.isEmpty)
        // Its id stays reserved.
        let duplicate = errors(tenant(channels: "[\(off), \(off)]"))
        #expect(duplicate.contains { $0.contains("duplicate channel id \"c2\"") })
    }

    @Test func secretsComeFromTheEnvironmentAndNeverPrint() throws {
        let configuration = try parse(tenant(channels: "[\(apiChannel)]"), environment: ["C1_SECRET": "very-secret-value"])
        #expect(configuration.channels["c1"]?.adapter != nil)
        #expect(configuration.warnings.isEmpty)
        #expect(!String(describing: configuration).contains("very-secret-value"))
    }

    @Test func invalidJSONSaysWhere() {
        let found = errors("{\"tenants\": [")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("channels.json: is not valid JSON") == true)
    }
}
