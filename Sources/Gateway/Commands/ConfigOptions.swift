import ArgumentParser
import Foundation

/// The options every command that reads the configuration shares.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: "The configuration file (env GATEWAY_CONFIG; default channels.json).")
    var config: String?

    var configPath: String {
        config ?? ProcessInfo.processInfo.environment["GATEWAY_CONFIG"] ?? "channels.json"
    }
}
