import Foundation

extension TenantProfile {
    /// A fingerprint of everything an answer is made from: the persona, tone, language and the
    /// knowledge base. Cached answers are keyed by it, so changing any of these retires them.
    public var knowledgeVersion: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            // A separator no text contains, so ("ab", "c") and ("a", "bc") differ.
            hash ^= 0xff
            hash = hash &* 0x0000_0100_0000_01b3
        }
        mix(assistant.persona)
        mix(assistant.tone)
        mix(assistant.language)
        for entry in knowledgeBase {
            mix(entry.id)
            mix(entry.question)
            mix(entry.answer)
            entry.keywords.forEach(mix)
            if !entry.examples.isEmpty {
                mix("examples")
                entry.examples.forEach(mix)
            }
        }
        return String(hash, radix: 16)
    }
}
