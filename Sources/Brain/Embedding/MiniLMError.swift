/// Why a MiniLM model directory could not be loaded.
enum MiniLMError: Error, Equatable, CustomStringConvertible {
    case fileMissing(path: String)
    case badConfiguration(file: String, reason: String)
    case unsupported(file: String, reason: String)

    var description: String {
        switch self {
        case .fileMissing(let path):
            "model file not found: \(path)"
        case .badConfiguration(let file, let reason):
            "\(file): \(reason)"
        case .unsupported(let file, let reason):
            "\(file): unsupported model: \(reason)"
        }
    }
}
