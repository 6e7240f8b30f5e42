import ChannelKit
import Foundation
import TelegramChannel
import Testing

@Suite struct IgnoredUpdateTests {
    @Test(arguments: [
        (Updates.channelPost, "channel_post"),
        (Updates.myChatMember, "\"kicked\""),
        (Updates.myChatMember, "chat 1111111"),
        (#"{"update_id":7,"edited_channel_post":{"message_id":1,"chat":{"id":-100,"type":"channel"},"date":1,"text":"x"}}"#, "edited_channel_post"),
        (#"{"update_id":7,"chat_member":{"chat":{"id":-100,"type":"group"},"from":{"id":1,"first_name":"A"},"date":1}}"#, "chat_member"),
        (#"{"update_id":7,"inline_query":{"id":"1","from":{"id":1,"first_name":"A"},"query":"cake","offset":""}}"#, "inline mode"),
        (#"{"update_id":7,"poll":{"id":"5","question":"Best bread?","options":[],"total_voter_count":0,"is_closed":true}}"#, "\"poll\""),
        (#"{"update_id":7,"message_reaction":{"chat":{"id":1,"type":"private"},"message_id":3,"date":1,"old_reaction":[],"new_reaction":[]}}"#, "message_reaction"),
        (#"{"update_id":7,"business_message":{"message_id":1,"chat":{"id":1,"type":"private"},"date":1,"text":"x"}}"#, "Business"),
        (#"{"update_id":7}"#, "no content"),
    ])
    func ignoresWithAReason(body: String, mentions: String) throws {
        let reason = try onlyIgnoredReason(TestBot.adapter().parse(update: body))
        #expect(reason.contains(mentions), "reason was: \(reason)")
        #expect(reason.contains("update "), "the reason names the update")
    }
}
