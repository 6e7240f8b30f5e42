import Foundation

/// The browser side the gateway serves: the widget script and the demo page (Widget/, embedded
/// in the binary at build time, so a deployed gateway needs no files beside it).
public enum WebChatAssets {
    /// The widget script with the channel's look and socket path filled in.
    public static func widgetScript(channelID: String, settings: WebChatSettings) -> String {
        let config = WidgetConfig(
            channelId: channelID, title: settings.title, primaryColor: settings.primaryColor,
            primaryTextColor: settings.primaryTextColor, position: settings.position.rawValue,
            socketPath: "/chat/\(channelID)/socket", placeholder: settings.placeholder,
            maxMessageChars: settings.maxMessageChars, protocolVersion: 1
        )
        return widgetSource.replacingOccurrences(of: "__OCG_CONFIG__", with: scriptSafeJSON(config))
    }

    /// The demo page for a channel, loading its widget.
    public static func demoPage(channelID: String, settings: WebChatSettings) -> String {
        demoSource
            .replacingOccurrences(of: "__TITLE__", with: htmlEscaped(settings.title))
            .replacingOccurrences(of: "__WIDGET_SRC__", with: htmlEscaped("/chat/\(channelID)/widget.js"))
    }

    private static let widgetSource = String(decoding: PackageResources.widget_js, as: UTF8.self)
    private static let demoSource = String(decoding: PackageResources.demo_html, as: UTF8.self)

    private struct WidgetConfig: Encodable {
        var channelId: String
        var title: String
        var primaryColor: String
        var primaryTextColor: String
        var position: String
        var socketPath: String
        var placeholder: String
        var maxMessageChars: Int
        var protocolVersion: Int
    }

    /// JSON that is also safe inside a script: no `</script>`, no HTML comment openers, no line
    /// separators older JavaScript engines choke on.
    static func scriptSafeJSON(_ value: some Encodable) -> String {
        let json = String(decoding: (try? WebChatEntry.encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
        return json
            .replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
            .replacingOccurrences(of: "\u{2028}", with: "\\u2028")
            .replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }

    static func htmlEscaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
