/// Why a `.safetensors` file could not be read, or a tensor could not be taken from it.
enum SafeTensorsError: Error, Equatable, CustomStringConvertible {
    case fileMissing(path: String)
    case unreadable(path: String, errno: Int32)
    case truncated(path: String, reason: String)
    case badHeader(path: String, reason: String)
    case unknownDType(tensor: String, dtype: String)
    case unsupportedDType(tensor: String, dtype: String)
    case tensorMissing(name: String, path: String)
    case shapeMismatch(tensor: String, expected: [Int], found: [Int])

    var description: String {
        switch self {
        case .fileMissing(let path):
            "safetensors file not found: \(path)"
        case .unreadable(let path, let errno):
            "safetensors file \(path) could not be opened or mapped (errno \(errno))"
        case .truncated(let path, let reason):
            "safetensors file \(path) is truncated: \(reason)"
        case .badHeader(let path, let reason):
            "safetensors file \(path) has a bad header: \(reason)"
        case .unknownDType(let tensor, let dtype):
            "tensor \(tensor) has an unknown dtype \"\(dtype)\""
        case .unsupportedDType(let tensor, let dtype):
            "tensor \(tensor) has dtype \(dtype), which cannot be read as 32-bit floats (F32, F16, BF16 and F64 can)"
        case .tensorMissing(let name, let path):
            "tensor \(name) is not in \(path)"
        case .shapeMismatch(let tensor, let expected, let found):
            "tensor \(tensor) has shape \(found), expected \(expected)"
        }
    }
}
