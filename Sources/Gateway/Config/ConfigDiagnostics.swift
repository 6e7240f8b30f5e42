import Synchronization

/// Errors and warnings collected while reading a configuration file.
final class ConfigDiagnostics: Sendable {
    private let state = Mutex<(errors: [ConfigError], warnings: [String])>(([], []))

    func error(file: String, path: String, reason: String) {
        state.withLock { $0.errors.append(ConfigError(file: file, path: path, reason: reason)) }
    }

    func warning(_ text: String) {
        state.withLock { $0.warnings.append(text) }
    }

    var errors: [ConfigError] { state.withLock { $0.errors } }
    var warnings: [String] { state.withLock { $0.warnings } }
}
