import Brain

extension ConfigurationLoader {
    /// Reads one tenant (without its channels). Returns nil when its id is unusable.
    func readTenant(_ reader: ConfigReader, knownModelIDs: Set<String>) -> TenantProfile? {
        reader.rejectUnknownKeys(["id", "name", "defaultRegion", "assistant", "knowledgeBase", "limits", "budget", "channels"])
        guard let id = reader.requireString("id") else { return nil }
        guard Self.isIdentifier(id) else {
            reader.diagnostics.error(file: reader.file, path: reader.child("id"), reason: "\"\(id)\" must be 1–64 letters, digits, '-' or '_'")
            return nil
        }
        var tenant = TenantProfile(id: id, name: reader.requireString("name") ?? id)
        if let region = reader.string("defaultRegion") {
            if region.count == 2, region.allSatisfy({ $0.isASCII && $0.isLetter }) {
                tenant.defaultRegion = region.uppercased()
            } else {
                reader.diagnostics.error(file: reader.file, path: reader.child("defaultRegion"), reason: "expected a two-letter region code such as \"US\", found \"\(region)\"")
            }
        }
        if let assistant = reader.object("assistant") {
            assistant.rejectUnknownKeys([
                "persona", "tone", "language", "handoffMessage", "matchThreshold", "unansweredMessage", "fallbackMessage",
                "handoffAfterUnanswered", "model",
            ])
            tenant.assistant.persona = assistant.string("persona") ?? tenant.assistant.persona
            tenant.assistant.tone = assistant.string("tone") ?? tenant.assistant.tone
            tenant.assistant.language = assistant.string("language") ?? tenant.assistant.language
            tenant.assistant.handoffMessage = assistant.string("handoffMessage") ?? tenant.assistant.handoffMessage
            tenant.assistant.matchThreshold = assistant.number("matchThreshold", in: 0.05...1) ?? tenant.assistant.matchThreshold
            tenant.assistant.unansweredMessage = assistant.string("unansweredMessage") ?? tenant.assistant.unansweredMessage
            tenant.assistant.fallbackMessage = assistant.string("fallbackMessage") ?? tenant.assistant.fallbackMessage
            tenant.assistant.handoffAfterUnanswered = assistant.integer("handoffAfterUnanswered", in: 1...20) ?? tenant.assistant.handoffAfterUnanswered
            if let model = assistant.object("model") {
                tenant.modelPolicy = readModelPolicy(model, knownModelIDs: knownModelIDs)
            }
        }
        var entryIDs = Set<String>()
        for entry in reader.objects("knowledgeBase") ?? [] {
            entry.rejectUnknownKeys(["id", "question", "answer", "keywords", "examples"])
            guard let entryID = entry.requireString("id"), let question = entry.requireString("question"),
                  let answer = entry.requireString("answer") else { continue }
            guard Self.isIdentifier(entryID) else {
                reader.diagnostics.error(file: reader.file, path: entry.child("id"), reason: "knowledge entry id \"\(entryID)\" must be 1–64 letters, digits, '-' or '_' (it appears in the admin API's paths)")
                continue
            }
            guard entryIDs.insert(entryID).inserted else {
                reader.diagnostics.error(file: reader.file, path: entry.child("id"), reason: "duplicate knowledge entry id \"\(entryID)\" in tenant \"\(id)\"")
                continue
            }
            tenant.knowledgeBase.append(KnowledgeEntry(
                id: entryID, question: question, answer: answer, keywords: entry.stringArray("keywords") ?? [],
                examples: entry.stringArray("examples") ?? []
            ))
        }
        if let limits = reader.object("limits") {
            tenant.limits = readLimits(limits)
        }
        if let budget = reader.object("budget") {
            tenant.budget = readBudget(budget)
        }
        return tenant
    }

    /// Ids appear in URL paths: 1–64 ASCII letters, digits, `-` or `_`.
    static func isIdentifier(_ text: String) -> Bool {
        (1...64).contains(text.count) && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
