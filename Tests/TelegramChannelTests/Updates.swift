/// Update objects shaped like the Bot API documentation's examples (field names and nesting as
/// in https://core.telegram.org/bots/api#update), one per kind the tests need.
enum Updates {
    static let text = #"""
    {
      "update_id": 10000,
      "message": {
        "message_id": 1365,
        "from": {"id": 1111111, "is_bot": false, "first_name": "Ada", "last_name": "Lovelace", "username": "ada", "language_code": "en"},
        "chat": {"id": 1111111, "first_name": "Ada", "last_name": "Lovelace", "username": "ada", "type": "private"},
        "date": 1441645532,
        "text": "Do you have gluten-free bread?"
      }
    }
    """#

    static let edited = #"""
    {
      "update_id": 10001,
      "edited_message": {
        "message_id": 1365,
        "from": {"id": 1111111, "is_bot": false, "first_name": "Ada", "last_name": "Lovelace", "username": "ada"},
        "chat": {"id": 1111111, "first_name": "Ada", "type": "private"},
        "date": 1441645532,
        "edit_date": 1441645600,
        "text": "Do you have gluten-free rolls?"
      }
    }
    """#

    static let groupReply = #"""
    {
      "update_id": 10002,
      "message": {
        "message_id": 77,
        "from": {"id": 2222222, "is_bot": false, "first_name": "Grace", "username": "grace_h"},
        "chat": {"id": -1001234567890, "title": "Bakery fans", "type": "supergroup"},
        "date": 1441645540,
        "reply_to_message": {
          "message_id": 76,
          "from": {"id": 987654321, "is_bot": true, "first_name": "Bella's Bakery", "username": "bellas_bakery_bot"},
          "chat": {"id": -1001234567890, "title": "Bakery fans", "type": "supergroup"},
          "date": 1441645530,
          "text": "We open at 7am."
        },
        "text": "And on Sundays?"
      }
    }
    """#

    static let callbackQuery = #"""
    {
      "update_id": 10003,
      "callback_query": {
        "id": "4382bfdwdsb323b2d9",
        "from": {"id": 1111111, "is_bot": false, "first_name": "Ada", "last_name": "Lovelace", "username": "ada"},
        "message": {
          "message_id": 1366,
          "from": {"id": 987654321, "is_bot": true, "first_name": "Bella's Bakery", "username": "bellas_bakery_bot"},
          "chat": {"id": 1111111, "first_name": "Ada", "type": "private"},
          "date": 1441645550,
          "text": "Which loaf would you like?",
          "reply_markup": {"inline_keyboard": [[{"text": "Sourdough", "callback_data": "LOAF_SOURDOUGH"}]]}
        },
        "chat_instance": "-7832492384239849",
        "data": "LOAF_SOURDOUGH"
      }
    }
    """#

    static let photo = #"""
    {
      "update_id": 10004,
      "message": {
        "message_id": 1367,
        "from": {"id": 1111111, "is_bot": false, "first_name": "Ada", "last_name": "Lovelace"},
        "chat": {"id": 1111111, "type": "private"},
        "date": 1441645560,
        "photo": [
          {"file_id": "AgACAgQAAxkBAAIBY2Small", "file_unique_id": "AQADsmall", "file_size": 1201, "width": 90, "height": 67},
          {"file_id": "AgACAgQAAxkBAAIBY2Large", "file_unique_id": "AQADlarge", "file_size": 64210, "width": 1280, "height": 960},
          {"file_id": "AgACAgQAAxkBAAIBY2Medium", "file_unique_id": "AQADmedium", "file_size": 15301, "width": 320, "height": 240}
        ],
        "caption": "The cake arrived like this"
      }
    }
    """#

    static let document = #"""
    {
      "update_id": 10005,
      "message": {
        "message_id": 1368,
        "from": {"id": 1111111, "is_bot": false, "first_name": "Ada"},
        "chat": {"id": 1111111, "type": "private"},
        "date": 1441645570,
        "document": {"file_name": "order-5521.pdf", "mime_type": "application/pdf", "file_id": "BQACAgQAAxkBAAIBZGDoc", "file_unique_id": "AgADdoc", "file_size": 48213}
      }
    }
    """#

    static let voice = #"""
    {
      "update_id": 10006,
      "message": {
        "message_id": 1369,
        "from": {"id": 1111111, "is_bot": false, "first_name": "Ada"},
        "chat": {"id": 1111111, "type": "private"},
        "date": 1441645580,
        "voice": {"duration": 4, "mime_type": "audio/ogg", "file_id": "AwACAgQAAxkBAAIBZVoice", "file_unique_id": "AgADvoice", "file_size": 12530}
      }
    }
    """#

    static let location = #"""
    {
      "update_id": 10007,
      "message": {
        "message_id": 1370,
        "from": {"id": 1111111, "is_bot": false, "first_name": "Ada"},
        "chat": {"id": 1111111, "type": "private"},
        "date": 1441645590,
        "location": {"latitude": 51.500729, "longitude": -0.124625}
      }
    }
    """#

    /// The customer shares their own number ("share my phone number"): `user_id` is the sender.
    static let ownContact = #"""
    {
      "update_id": 10008,
      "message": {
        "message_id": 1371,
        "from": {"id": 1111111, "is_bot": false, "first_name": "Ada", "last_name": "Lovelace"},
        "chat": {"id": 1111111, "type": "private"},
        "date": 1441645595,
        "contact": {"phone_number": "447700900123", "first_name": "Ada", "last_name": "Lovelace", "user_id": 1111111}
      }
    }
    """#

    /// The customer shares someone else's card.
    static let otherContact = #"""
    {
      "update_id": 10009,
      "message": {
        "message_id": 1372,
        "from": {"id": 1111111, "is_bot": false, "first_name": "Ada"},
        "chat": {"id": 1111111, "type": "private"},
        "date": 1441645596,
        "contact": {"phone_number": "+14155550123", "first_name": "Charles", "last_name": "Babbage", "user_id": 3333333}
      }
    }
    """#

    static let channelPost = #"""
    {
      "update_id": 10010,
      "channel_post": {
        "message_id": 12,
        "sender_chat": {"id": -1009876543210, "title": "Bakery news", "type": "channel"},
        "chat": {"id": -1009876543210, "title": "Bakery news", "type": "channel"},
        "date": 1441645600,
        "text": "Fresh croissants today!"
      }
    }
    """#

    /// The customer blocked the bot.
    static let myChatMember = #"""
    {
      "update_id": 10011,
      "my_chat_member": {
        "chat": {"id": 1111111, "first_name": "Ada", "type": "private"},
        "from": {"id": 1111111, "is_bot": false, "first_name": "Ada"},
        "date": 1441645610,
        "old_chat_member": {"user": {"id": 987654321, "is_bot": true, "first_name": "Bella's Bakery"}, "status": "member"},
        "new_chat_member": {"user": {"id": 987654321, "is_bot": true, "first_name": "Bella's Bakery"}, "status": "kicked", "until_date": 0}
      }
    }
    """#
}
