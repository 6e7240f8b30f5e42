import Foundation

/// The header block Outlook writes above the message it quotes: "From:", "Sent:", "To:", "Subject:".
enum OutlookHeaderBlock {
    /// The "From" header in the supported languages, lowercased.
    private static let fromNames: Set<String> = ["from", "de", "von", "da", "van"]

    /// The headers that follow "From", lowercased; one name per language and meaning.
    private static let otherNames: Set<String> = [
        "sent", "date", "to", "cc", "subject",
        "envoyé", "à", "objet",
        "gesendet", "datum", "an", "betreff",
        "enviado", "enviada", "fecha", "para", "asunto", "assunto", "data",
        "inviato", "a", "oggetto",
        "verzonden", "aan", "onderwerp",
    ]

    /// How many lines after "From:" are searched for the other headers.
    private static let window = 6

    /// Whether a header block starts at `index`: a "From:" line then at least two other headers.
    static func starts(in lines: [String], at index: Int) -> Bool {
        guard let name = headerName(of: lines[index]), fromNames.contains(name) else { return false }
        let following = lines.dropFirst(index + 1).prefix(window)
        let names = Set(following.compactMap(headerName).filter(otherNames.contains))
        return names.count >= 2
    }

    /// The lowercased name of a "Name: value" line, ignoring Outlook's `*bold*` markers.
    static func headerName(of line: String) -> String? {
        let comparable = EmailText.comparable(line.replacingOccurrences(of: "*", with: ""))
        guard let colon = comparable.firstIndex(of: ":") else { return nil }
        let name = comparable[..<colon]
        guard !name.isEmpty, name.count <= 12, !name.contains(" ") else { return nil }
        return String(name)
    }
}
