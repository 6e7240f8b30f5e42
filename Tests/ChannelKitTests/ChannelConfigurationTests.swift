import ChannelKit
import Foundation
import Testing

@Suite struct ChannelConfigurationTests {
    private static let ref = ChannelRef(tenantID: "acme", channelID: "acme-telegram", kind: .telegram)

    private static func configuration(_ settings: [String: JSONValue], secrets: [String: Secret] = [:]) -> ChannelConfiguration {
        ChannelConfiguration(ref: ref, settings: settings, secrets: secrets)
    }

    // MARK: Strings

    @Test func readsAString() throws {
        let configuration = Self.configuration(["botName": .string("AcmeBot")])
        #expect(try configuration.string("botName") == "AcmeBot")
        #expect(try configuration.requireString("botName") == "AcmeBot")
    }

    @Test func anAbsentOrNullStringIsNil() throws {
        let configuration = Self.configuration(["botName": .null])
        #expect(try configuration.string("botName") == nil)
        #expect(try configuration.string("other") == nil)
    }

    @Test func aStringOfAnotherTypeNamesTheKeyAndTheType() throws {
        let configuration = Self.configuration(["botName": .number(42)])
        let error = try #require(throws: ChannelConfigurationError.self) {
            try configuration.string("botName")
        }
        #expect(error.key == "settings.botName")
        #expect(error.reason.contains("a number"))
        #expect(error.description.hasPrefix("settings.botName: "))
    }

    @Test func aRequiredStringMustBePresentAndNotEmpty() throws {
        for settings in [[:], ["botName": .string("")], ["botName": .null]] as [[String: JSONValue]] {
            let error = try #require(throws: ChannelConfigurationError.self) {
                try Self.configuration(settings).requireString("botName")
            }
            #expect(error.key == "settings.botName")
            #expect(error.reason == "is required")
        }
    }

    // MARK: URLs

    @Test(arguments: [
        ("https://api.telegram.org", "api.telegram.org"),
        ("http://127.0.0.1:8080/bot", "127.0.0.1"),
        ("HTTPS://graph.facebook.com/v21.0", "graph.facebook.com"),
    ])
    func readsAnAbsoluteHTTPURL(text: String, host: String) throws {
        let configuration = Self.configuration(["baseURL": .string(text)])
        let url = try #require(try configuration.url("baseURL"))
        #expect(url.host == host)
        #expect(try configuration.requireURL("baseURL") == url)
    }

    @Test(arguments: [
        "ftp://files.example.com", "api.telegram.org", "/bot/sendMessage", "not a url", "mailto:ops@example.com",
        "https://", "http:///bot/sendMessage",
    ])
    func refusesAnythingButAnAbsoluteHTTPURL(text: String) throws {
        let error = try #require(throws: ChannelConfigurationError.self) {
            try Self.configuration(["baseURL": .string(text)]).url("baseURL")
        }
        #expect(error.key == "settings.baseURL")
        #expect(error.reason.contains(text))
    }

    @Test func aURLOfAnotherTypeNamesTheKey() throws {
        let error = try #require(throws: ChannelConfigurationError.self) {
            try Self.configuration(["baseURL": .bool(true)]).url("baseURL")
        }
        #expect(error.key == "settings.baseURL")
        #expect(error.reason.contains("a boolean"))
    }

    @Test func anAbsentURLIsNilUnlessRequired() throws {
        let configuration = Self.configuration([:])
        #expect(try configuration.url("baseURL") == nil)
        let error = try #require(throws: ChannelConfigurationError.self) {
            try configuration.requireURL("baseURL")
        }
        #expect(error.key == "settings.baseURL")
        #expect(error.reason == "is required")
    }

    // MARK: Numbers and booleans

    @Test func readsAnInteger() throws {
        let configuration = Self.configuration(["maxTextLength": .number(4096), "none": .null])
        #expect(try configuration.int("maxTextLength") == 4096)
        #expect(try configuration.int("none") == nil)
        #expect(try configuration.int("absent") == nil)
    }

    @Test(arguments: [JSONValue.number(2.5), .number(1e300), .string("4096"), .bool(true), .array([]), .object([:])])
    func refusesAnythingButAnInteger(value: JSONValue) throws {
        let error = try #require(throws: ChannelConfigurationError.self) {
            try Self.configuration(["maxTextLength": value]).int("maxTextLength")
        }
        #expect(error.key == "settings.maxTextLength")
        #expect(error.reason.contains("expected an integer"))
    }

    @Test func readsABoolean() throws {
        let configuration = Self.configuration(["typing": .bool(true), "media": .bool(false)])
        #expect(try configuration.bool("typing") == true)
        #expect(try configuration.bool("media") == false)
        #expect(try configuration.bool("absent") == nil)
    }

    @Test func refusesABooleanWrittenAsText() throws {
        let error = try #require(throws: ChannelConfigurationError.self) {
            try Self.configuration(["typing": .string("yes")]).bool("typing")
        }
        #expect(error.key == "settings.typing")
        #expect(error.reason.contains("a string"))
    }

    // MARK: Secrets

    @Test func readsARequiredSecret() throws {
        let configuration = Self.configuration([:], secrets: ["botToken": Secret("123:ABC")])
        #expect(try configuration.requireSecret("botToken").value == "123:ABC")
    }

    @Test func aMissingOrEmptySecretNamesTheKey() throws {
        for secrets in [[:], ["botToken": Secret("")]] as [[String: Secret]] {
            let error = try #require(throws: ChannelConfigurationError.self) {
                try Self.configuration([:], secrets: secrets).requireSecret("botToken")
            }
            #expect(error.key == "secrets.botToken")
            #expect(error.reason == "is required")
        }
    }
}
