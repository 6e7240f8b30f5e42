/// One problem in the configuration file, located precisely enough to fix it without guessing.
struct ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The configuration file's path as given.
    var file: String
    /// Where in the file: `tenants[0].channels[1].settings.callbackURL`; empty for the whole file.
    var path: String
    var reason: String

    var description: String {
        path.isEmpty ? "\(file): \(reason)" : "\(file): \(path): \(reason)"
    }
}

/// Every error found in a configuration file (all of them, not just the first).
struct ConfigErrors: Error, Sendable, CustomStringConvertible {
    var errors: [ConfigError]

    var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
