import ArgumentParser
import Foundation
import Hummingbird
import Logging

/// `gateway serve`: runs the gateway until SIGINT or SIGTERM, then drains and stops.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the gateway.")

    @OptionGroup var configOptions: ConfigOptions

    @Option(help: "The address to listen on (env GATEWAY_HOST; default 127.0.0.1).")
    var host: String?

    @Option(help: "The port to listen on (env GATEWAY_PORT; default 8080).")
    var port: Int?

    @Option(help: "The SQLite database file (env GATEWAY_DATABASE; default data/gateway.sqlite).")
    var database: String?

    @Option(name: .customLong("public-url"), help: "The URL providers reach the gateway at (env GATEWAY_PUBLIC_URL; default gateway.publicURL or http://host:port).")
    var publicURL: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error (env LOG_LEVEL; default info).")
    var logLevel: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let level = Logger.Level(rawValue: logLevel ?? environment["LOG_LEVEL"] ?? "info") ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardOutput(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "gateway")

        var options = GatewayOptions()
        options.host = host ?? environment["GATEWAY_HOST"] ?? options.host
        if let port = port ?? environment["GATEWAY_PORT"].flatMap(Int.init) { options.port = port }
        options.databasePath = database ?? environment["GATEWAY_DATABASE"] ?? options.databasePath
        options.publicURL = publicURL ?? environment["GATEWAY_PUBLIC_URL"]

        let configuration: GatewayConfiguration
        do {
            configuration = try ConfigurationLoader().load(path: configOptions.configPath)
        } catch {
            throw ValidationError("the configuration has errors:\n\(error)")
        }
        let app = try await buildApplication(options: options, configuration: configuration, logger: logger)
        try await app.runService()
    }
}
