/// Where one tensor lies in a safetensors file, as its header says.
struct SafeTensorsEntry: Sendable, Equatable {
    var dtype: SafeTensorsDType
    var shape: [Int]
    /// Byte offsets relative to the start of the data section (just after the header).
    var byteRange: Range<Int>
}
