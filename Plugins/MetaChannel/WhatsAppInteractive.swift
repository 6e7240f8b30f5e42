import ChannelKit

/// An interactive message: reply buttons (`"type": "button"`, up to 3) or an options list
/// (`"type": "list"`, up to 10 rows behind one button). Tapping one sends back its id and title.
struct WhatsAppInteractive: Encodable {
    struct Body: Encodable { var text: String }
    struct Reply: Encodable { var id: String; var title: String }
    struct Button: Encodable { var type = "reply"; var reply: Reply }
    struct Row: Encodable { var id: String; var title: String }
    struct Section: Encodable { var title: String; var rows: [Row] }

    struct Action: Encodable {
        var buttons: [Button]?
        var button: String?
        var sections: [Section]?
    }

    var type: String
    var body: Body
    var action: Action

    /// Reply buttons: each quick reply's payload is the button's id, its title the label.
    static func buttons(_ quickReplies: [QuickReply], body: String) -> Self {
        let buttons = quickReplies.map { Button(reply: Reply(id: $0.payload, title: $0.title)) }
        return WhatsAppInteractive(type: "button", body: Body(text: body), action: Action(buttons: buttons))
    }

    /// An options list of one section, opened by a button labelled `buttonText`.
    static func list(_ quickReplies: [QuickReply], body: String, buttonText: String) -> Self {
        let rows = quickReplies.map { Row(id: $0.payload, title: $0.title) }
        let section = Section(title: buttonText, rows: rows)
        return WhatsAppInteractive(type: "list", body: Body(text: body), action: Action(button: buttonText, sections: [section]))
    }
}
