import ArgumentParser

/// `gateway check-config`: validates the configuration and exits non-zero on any error or on a
/// channel that would start disabled.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate the configuration file without starting the gateway."
    )

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let path = configOptions.configPath
        let configuration: GatewayConfiguration
        do {
            configuration = try ConfigurationLoader().load(path: path)
        } catch {
            print("\(path): \(error.errors.count) error(s)")
            for problem in error.errors { print("error: \(problem)") }
            throw ExitCode(1)
        }
        for warning in configuration.warnings { print("warning: \(warning)") }
        let disabled = configuration.channels.disabled
        let tenants = configuration.tenants.all.count
        print("\(path): \(tenants) tenant(s), \(configuration.channels.all.count) channel(s), \(disabled.count) disabled")
        if !disabled.isEmpty {
            throw ExitCode(1)
        }
    }
}
