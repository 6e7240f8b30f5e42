import ChannelKit
