/// The GSM 03.38 alphabet (3GPP TS 23.038): which characters a GSM-7 SMS can carry and how many
/// septets each takes.
enum GSM7 {
    /// The basic character set: one septet each (the escape code itself is not a character).
    static let basic: Set<Unicode.Scalar> = Set(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
            .unicodeScalars
    )

    /// The extension table reached through the escape code: two septets each. Form feed is the
    /// page-break control character.
    static let extended: Set<Unicode.Scalar> = Set("\u{0C}^{}\\[~]|€".unicodeScalars)

    /// The septets `scalar` takes in GSM-7 (1 or 2), or nil when GSM-7 cannot carry it.
    static func septets(_ scalar: Unicode.Scalar) -> Int? {
        if basic.contains(scalar) { return 1 }
        if extended.contains(scalar) { return 2 }
        return nil
    }
}
