import Brain
import Foundation
import Logging

/// A real SQLite file in a fresh temporary directory, removed afterwards.
func withTestStore<T>(_ body: (SQLiteStore, String) async throws -> T) async throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brain-tests-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("gateway.sqlite").path
    let store = try await SQLiteStore.open(path: path, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    return try await body(store, path)
}

let bakery = TenantProfile(
    id: "bakery",
    name: "Bella's Bakery",
    assistant: AssistantProfile(handoffMessage: "A baker will answer you here shortly."),
    knowledgeBase: [
        KnowledgeEntry(id: "hours", question: "What are your opening hours?", answer: "Tuesday to Sunday, 7am to 6pm.", keywords: ["open", "opening hours"]),
        KnowledgeEntry(id: "gluten", question: "Do you have gluten-free bread?", answer: "Yes, on Wednesdays and Saturdays.", keywords: ["gluten"]),
    ]
)
