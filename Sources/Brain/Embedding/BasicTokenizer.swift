import Foundation

/// BERT's text normalization and word splitting for an uncased model, as Hugging Face
/// `tokenizers` runs `BertNormalizer` then `BertPreTokenizer`.
///
/// The normalizer, in order:
/// 1. cleans the text: deletes NUL, U+FFFD and control/format/private-use characters, and turns
///    every whitespace character into a space;
/// 2. puts spaces around CJK ideographs, so each is a word of its own;
/// 3. strips accents: NFD, then deletes nonspacing marks;
/// 4. lowercases each Unicode scalar on its own (full mappings, no context: `İ` is `i̇`, `Σ` is
///    always `σ`).
///
/// The pre-tokenizer then splits on whitespace and makes each punctuation character a word.
/// Everything works on Unicode scalars, never on `Character`s (grapheme clusters), because that is
/// what `tokenizers` counts: a flag emoji is two words, `e` + U+0301 loses its accent.
struct BasicTokenizer: Sendable {
    /// Calls `body` with each word, in order, until `body` returns false.
    ///
    /// - Parameters:
    ///   - text: raw text (no special tokens are recognized here).
    ///   - body: gets the word's normalized UTF-8 bytes (valid only during the call) and its
    ///     length in Unicode scalars; returns false to stop.
    /// - Returns: false when `body` stopped the walk.
    @discardableResult
    func forEachWord(
        in text: Substring,
        _ body: (UnsafeBufferPointer<UInt8>, Int) -> Bool
    ) -> Bool {
        var word = WordBuffer()
        let finished: Bool
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            finished = splitASCII(text.utf8, into: &word, body)
        } else {
            finished = splitUnicode(text, into: &word, body)
        }
        return finished && word.finish(body)
    }

    /// ASCII text needs neither NFD nor a Unicode property lookup: one pass over the bytes.
    private func splitASCII(
        _ bytes: Substring.UTF8View,
        into word: inout WordBuffer,
        _ body: (UnsafeBufferPointer<UInt8>, Int) -> Bool
    ) -> Bool {
        for byte in bytes {
            switch byte {
            case 0x09, 0x0A, 0x0D, 0x20:
                guard word.finish(body) else { return false }
            case 0x00 ..< 0x20, 0x7F:
                continue  // control characters are deleted, joining what surrounds them
            case UInt8(ascii: "A") ... UInt8(ascii: "Z"):
                word.append(asciiByte: byte + 0x20)
            case 33 ... 47, 58 ... 64, 91 ... 96, 123 ... 126:
                guard word.isolate(asciiByte: byte, body) else { return false }
            default:
                word.append(asciiByte: byte)
            }
        }
        return true
    }

    /// The general path: clean-up and CJK spacing, then NFD (skipped when nothing would change),
    /// then mark stripping, lowercasing and splitting, scalar by scalar.
    private func splitUnicode(
        _ text: Substring,
        into word: inout WordBuffer,
        _ body: (UnsafeBufferPointer<UInt8>, Int) -> Bool
    ) -> Bool {
        var cleaned = CleanedText(capacity: text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                switch scalar.value {
                case 0x09, 0x0A, 0x0D: cleaned.append(asciiByte: 0x20)
                case 0x00 ..< 0x20, 0x7F: continue
                default: cleaned.append(asciiByte: UInt8(scalar.value))
                }
                continue
            }
            let category = scalar.properties.generalCategory
            if Self.isRemovedByCleanUp(scalar, category: category) {
                continue
            } else if Self.isWhitespace(scalar, category: category) {
                cleaned.append(asciiByte: 0x20)
            } else if Self.isCJKIdeograph(scalar) {
                cleaned.append(asciiByte: 0x20)
                cleaned.append(scalar)
                cleaned.append(asciiByte: 0x20)
            } else if Self.isKeptWhole(scalar) {
                guard split(cleaned, into: &word, body) else { return false }
                cleaned.removeAll()
                guard split(scalar, into: &word, body) else { return false }
            } else {
                cleaned.append(scalar)
            }
        }
        return split(cleaned, into: &word, body)
    }

    /// Runs NFD on `cleaned` if it could change it, then strips, lowercases and splits.
    private func split(
        _ cleaned: CleanedText,
        into word: inout WordBuffer,
        _ body: (UnsafeBufferPointer<UInt8>, Int) -> Bool
    ) -> Bool {
        guard !cleaned.bytes.isEmpty else { return true }
        var text = String(decoding: cleaned.bytes, as: UTF8.self)
        if cleaned.needsDecomposition {
            text = text.decomposedStringWithCanonicalMapping
        }
        for scalar in text.unicodeScalars {
            guard split(scalar, into: &word, body) else { return false }
        }
        return true
    }

    /// Strips, lowercases and splits one scalar of NFD text.
    @inline(__always)
    private func split(
        _ scalar: Unicode.Scalar,
        into word: inout WordBuffer,
        _ body: (UnsafeBufferPointer<UInt8>, Int) -> Bool
    ) -> Bool {
        if scalar.isASCII {
            let byte = UInt8(scalar.value)
            switch byte {
            case 0x20: return word.finish(body)
            case UInt8(ascii: "A") ... UInt8(ascii: "Z"): word.append(asciiByte: byte + 0x20)
            case 33 ... 47, 58 ... 64, 91 ... 96, 123 ... 126: return word.isolate(asciiByte: byte, body)
            default: word.append(asciiByte: byte)
            }
            return true
        }
        let properties = scalar.properties
        let category = properties.generalCategory
        if Self.isStrippedMark(scalar, category: category) { return true }
        if Self.isCaseless(category) || !properties.changesWhenLowercased {
            return splitLowercased(scalar, category: category, into: &word, body)
        }
        for lowered in properties.lowercaseMapping.unicodeScalars {
            let category = lowered.properties.generalCategory
            guard splitLowercased(lowered, category: category, into: &word, body) else { return false }
        }
        return true
    }

    @inline(__always)
    private func splitLowercased(
        _ scalar: Unicode.Scalar,
        category: Unicode.GeneralCategory,
        into word: inout WordBuffer,
        _ body: (UnsafeBufferPointer<UInt8>, Int) -> Bool
    ) -> Bool {
        if Self.isWhitespace(scalar, category: category) { return word.finish(body) }
        if Self.isPunctuation(scalar, category: category) { return word.isolate(scalar, body) }
        word.append(scalar)
        return true
    }
}

/// Text after clean-up, as UTF-8, noting whether NFD could change it.
private struct CleanedText {
    private(set) var bytes: [UInt8] = []
    private(set) var needsDecomposition = false

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func append(asciiByte: UInt8) {
        bytes.append(asciiByte)
    }

    @inline(__always)
    mutating func append(_ scalar: Unicode.Scalar) {
        UTF8.encode(scalar) { bytes.append($0) }
        if !needsDecomposition, !BasicTokenizer.isUnchangedByNFD(scalar) { needsDecomposition = true }
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        needsDecomposition = false
    }
}

/// The word being collected: its UTF-8 bytes and how many scalars they encode.
private struct WordBuffer {
    private var bytes: [UInt8] = []
    private var scalarCount = 0

    init() {
        bytes.reserveCapacity(64)
    }

    @inline(__always)
    mutating func append(asciiByte: UInt8) {
        bytes.append(asciiByte)
        scalarCount += 1
    }

    @inline(__always)
    mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.isASCII {
            bytes.append(UInt8(scalar.value))
        } else {
            UTF8.encode(scalar) { bytes.append($0) }
        }
        scalarCount += 1
    }

    /// Hands the word to `body`, if there is one, and starts a new one.
    @inline(__always)
    mutating func finish(_ body: (UnsafeBufferPointer<UInt8>, Int) -> Bool) -> Bool {
        guard scalarCount > 0 else { return true }
        let count = scalarCount
        defer {
            bytes.removeAll(keepingCapacity: true)
            scalarCount = 0
        }
        return bytes.withUnsafeBufferPointer { body($0, count) }
    }

    /// Ends the current word, then hands `asciiByte` over as a word of its own.
    @inline(__always)
    mutating func isolate(asciiByte: UInt8, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Bool) -> Bool {
        guard finish(body) else { return false }
        append(asciiByte: asciiByte)
        return finish(body)
    }

    /// Ends the current word, then hands `scalar` over as a word of its own.
    mutating func isolate(_ scalar: Unicode.Scalar, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Bool) -> Bool {
        guard finish(body) else { return false }
        append(scalar)
        return finish(body)
    }
}
