import ArgumentParser
import AsyncHTTPClient
import ChannelKit
import Foundation

/// `gateway channels …`: operations on configured channels.
struct ChannelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "channels",
        abstract: "Operations on the configured channels.",
        subcommands: [RegisterChannelCommand.self, ListChannelsCommand.self]
    )
}

/// `gateway channels list`: every channel with its type and state.
struct ListChannelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the configured channels and their state.")

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let configuration: GatewayConfiguration
        do {
            configuration = try ConfigurationLoader().load(path: configOptions.configPath)
        } catch {
            throw ValidationError("the configuration has errors:\n\(error)")
        }
        for entry in configuration.channels.all {
            let state = switch entry.state {
            case .active: "active"
            case .disabled(let reason): "disabled: \(reason)"
            case .switchedOff: "off (\"enabled\": false)"
            }
            print("\(entry.ref.channelID)\t\(entry.type)\ttenant \(entry.ref.tenantID)\t\(state)")
        }
    }
}

/// `gateway channels register <channelId>`: tells the provider where to send webhooks
/// (Telegram `setWebhook`), using the gateway's public URL.
struct RegisterChannelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Register the channel's webhook URL with its provider (public URL + /webhooks/<channelId>)."
    )

    @OptionGroup var configOptions: ConfigOptions

    @Argument(help: "The channel id from the configuration.")
    var channelID: String

    @Option(name: .customLong("public-url"), help: "The URL providers reach the gateway at (env GATEWAY_PUBLIC_URL; default gateway.publicURL).")
    var publicURL: String?

    func run() async throws {
        let configuration: GatewayConfiguration
        do {
            configuration = try ConfigurationLoader().load(path: configOptions.configPath)
        } catch {
            throw ValidationError("the configuration has errors:\n\(error)")
        }
        guard let entry = configuration.channels[channelID] else {
            throw ValidationError("no channel \"\(channelID)\" in \(configOptions.configPath)")
        }
        guard let adapter = entry.adapter else {
            throw ValidationError("channel \"\(channelID)\" is not active: \(entry.state)")
        }
        guard let registering = adapter as? any WebhookRegisteringAdapter else {
            throw ValidationError("channel type \"\(entry.type)\" has no webhook registration call; set the webhook URL in the provider's console")
        }
        guard let base = publicURL ?? ProcessInfo.processInfo.environment["GATEWAY_PUBLIC_URL"] ?? configuration.settings.publicURL,
              base.hasPrefix("https://") || base.hasPrefix("http://") else {
            throw ValidationError("no public URL: pass --public-url https://… or set gateway.publicURL")
        }
        let webhookURL = base.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/webhooks/\(channelID)"
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        var failed = false
        for request in registering.registrationRequests(webhookURL: webhookURL) {
            let result = await ProviderClient(client: client, timeout: .seconds(30)).send(request)
            switch result {
            case .response(let response) where (200..<300).contains(response.status):
                // Say what was called, not the token-bearing URL: a polling channel deletes its webhook instead.
                let call = request.url.split(separator: "/").last.map(String.init) ?? "request"
                print("\(call) (webhook URL \(webhookURL)): HTTP \(response.status) \(String(decoding: response.body.prefix(300), as: UTF8.self))")
            case .response(let response):
                failed = true
                print("the provider refused: HTTP \(response.status) \(String(decoding: response.body.prefix(300), as: UTF8.self))")
            case .notSent(let reason), .maybeSent(let reason):
                failed = true
                print("could not reach the provider: \(reason)")
            }
        }
        try await client.shutdown()
        if failed { throw ExitCode(1) }
    }
}
