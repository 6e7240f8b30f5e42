/// An element type named in a safetensors header (`"F32"`, `"BF16"`, ...).
enum SafeTensorsDType: String, Sendable {
    case bool = "BOOL"
    case uint8 = "U8", int8 = "I8", float8E5M2 = "F8_E5M2", float8E4M3 = "F8_E4M3"
    case int16 = "I16", uint16 = "U16", float16 = "F16", bfloat16 = "BF16"
    case int32 = "I32", uint32 = "U32", float32 = "F32"
    case int64 = "I64", uint64 = "U64", float64 = "F64"

    /// Bytes per element.
    var byteWidth: Int {
        switch self {
        case .bool, .uint8, .int8, .float8E5M2, .float8E4M3: 1
        case .int16, .uint16, .float16, .bfloat16: 2
        case .int32, .uint32, .float32: 4
        case .int64, .uint64, .float64: 8
        }
    }
}
