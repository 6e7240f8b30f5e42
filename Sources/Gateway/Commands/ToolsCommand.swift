import ArgumentParser
import EmailChannel
import Foundation
import TwilioChannel

/// `gateway tools …`: small helpers for support staff.
struct ToolsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tools",
        abstract: "Helpers for support staff.",
        subcommands: [SMSSegmentsCommand.self, EmailReplyCommand.self, EmbedCommand.self, SimilarityCommand.self]
    )
}

/// `gateway tools sms-segments "TEXT" [--json]`: the encoding and segment count of an SMS text.
struct SMSSegmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sms-segments",
        abstract: "Print the encoding (GSM-7 or UCS-2) and the number of SMS segments a text takes."
    )

    @Argument(help: "The text (quote it).")
    var text: String

    @Flag(help: "Print {\"encoding\", \"segments\", \"characters\"} as JSON.")
    var json = false

    func run() throws {
        let count = SMSSegments.count(text)
        let encoding = count.encoding == .gsm7 ? "GSM-7" : "UCS-2"
        if json {
            let object: [String: Any] = ["encoding": encoding, "segments": count.segments, "characters": count.characters]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print("\(encoding), \(count.segments) segment\(count.segments == 1 ? "" : "s"), \(count.characters) characters")
        }
    }
}

/// `gateway tools email-reply < message.txt`: what the assistant reads of a plain-text email body
/// (quoted replies, forwarded history and signatures removed).
struct EmailReplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "email-reply",
        abstract: "Read a plain-text email body on standard input and print the part the customer wrote now."
    )

    func run() throws {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        print(EmailReplyExtractor.visibleReply(String(decoding: input, as: UTF8.self)))
    }
}
