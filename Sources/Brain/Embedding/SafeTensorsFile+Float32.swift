extension SafeTensorsFile {
    /// A tensor as 32-bit floats: a view into the mapping when it is stored as aligned F32,
    /// otherwise a converted copy (F16, BF16, F64, or F32 at an unaligned offset).
    func tensor(named name: String) throws -> TensorBuffer {
        guard let entry = entries[name] else {
            throw SafeTensorsError.tensorMissing(name: name, path: path)
        }
        let bytes = bytes(of: entry)
        let count = entry.shape.reduce(1, *)
        switch entry.dtype {
        case .float32:
            if let start = bytes.baseAddress, Int(bitPattern: start) % MemoryLayout<Float>.alignment == 0 {
                return TensorBuffer(viewing: start.assumingMemoryBound(to: Float.self), shape: entry.shape, owner: self)
            }
            return TensorBuffer(shape: entry.shape) { out in
                for i in 0..<count {
                    out[i] = Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
                }
            }
        case .float16:
            return TensorBuffer(shape: entry.shape) { out in
                for i in 0..<count {
                    out[i] = Self.float(fromHalfBits: UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)))
                }
            }
        case .bfloat16:
            return TensorBuffer(shape: entry.shape) { out in
                for i in 0..<count {
                    let bits = UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
                    out[i] = Float(bitPattern: UInt32(bits) << 16)
                }
            }
        case .float64:
            return TensorBuffer(shape: entry.shape) { out in
                for i in 0..<count {
                    out[i] = Float(Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))))
                }
            }
        default:
            throw SafeTensorsError.unsupportedDType(tensor: name, dtype: entry.dtype.rawValue)
        }
    }

    /// A tensor as 32-bit floats, checked to have `shape`.
    func tensor(named name: String, shape: [Int]) throws -> TensorBuffer {
        if let entry = entries[name], entry.shape != shape {
            throw SafeTensorsError.shapeMismatch(tensor: name, expected: shape, found: entry.shape)
        }
        return try tensor(named: name)
    }

    /// An IEEE 754 half-precision value widened to single precision (written out so that it does
    /// not depend on `Float16`, which macOS on Intel lacks).
    static func float(fromHalfBits half: UInt16) -> Float {
        let sign = UInt32(half & 0x8000) << 16
        let exponent = UInt32(half >> 10) & 0x1F
        let mantissa = UInt32(half & 0x03FF)
        switch exponent {
        case 0:
            // Zero or subnormal: mantissa × 2⁻²⁴, exact in Float.
            let magnitude = Float(mantissa) * 0x1p-24
            return sign == 0 ? magnitude : -magnitude
        case 0x1F:
            // Infinity or NaN (payload kept).
            return Float(bitPattern: sign | 0x7F80_0000 | mantissa << 13)
        default:
            // Rebias the exponent from 15 to 127.
            return Float(bitPattern: sign | (exponent + 112) << 23 | mantissa << 13)
        }
    }
}
