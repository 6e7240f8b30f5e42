import ArgumentParser

/// `gateway`: the omnichannel conversation gateway.
@main
struct GatewayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gateway",
        abstract: "A self-hosted omnichannel conversation gateway.",
        subcommands: [ServeCommand.self, CheckConfigCommand.self, ChannelsCommand.self, KeysCommand.self, ToolsCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
