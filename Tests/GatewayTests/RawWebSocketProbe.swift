import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A WebSocket upgrade written byte by byte over a plain TCP socket: what the server answers
/// (the status line) and, if it upgraded and closed at once, the close frame's code and reason.
/// The library client can miss a close that arrives before its handler runs; this cannot.
enum RawWebSocketProbe {
    struct Answer {
        var statusLine: String
        var closeCode: UInt16?
        var closeReason: String?
    }

    static func upgrade(port: Int, path: String, origin: String, timeoutSeconds: Int = 10) async throws -> Answer {
        try await Task.detached { try blockingUpgrade(port: port, path: path, origin: origin, timeoutSeconds: timeoutSeconds) }.value
    }

    struct ProbeError: Error, CustomStringConvertible {
        var description: String
    }

    private static func blockingUpgrade(port: Int, path: String, origin: String, timeoutSeconds: Int) throws -> Answer {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ProbeError(description: "socket() failed") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw ProbeError(description: "connect() failed") }
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: \(origin)\r\n\r\n"
        let bytes = Array(request.utf8)
        guard send(fd, bytes, bytes.count, 0) == bytes.count else { throw ProbeError(description: "send() failed") }

        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        // Read until the headers and, after a 101, one whole frame have arrived (or the peer closes).
        while true {
            if let answer = parse(received) { return answer }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 {
                if let answer = parse(received, final: true) { return answer }
                throw ProbeError(description: "the connection ended after \(received.count) bytes")
            }
            received += buffer[0..<count]
        }
    }

    private static func parse(_ bytes: [UInt8], final: Bool = false) -> Answer? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0...max(0, bytes.count - 4)).first(where: { bytes.count >= 4 && Array(bytes[$0..<$0 + 4]) == separator }) else { return nil }
        let head = String(decoding: bytes[..<end], as: UTF8.self)
        let statusLine = head.components(separatedBy: "\r\n").first ?? ""
        guard statusLine.contains(" 101 ") else { return Answer(statusLine: statusLine) }
        let frame = Array(bytes[(end + 4)...])
        guard frame.count >= 2 else { return final ? Answer(statusLine: statusLine) : nil }
        let length = Int(frame[1] & 0x7F)
        guard length < 126, frame.count >= 2 + length else { return final ? Answer(statusLine: statusLine) : nil }
        guard frame[0] & 0x0F == 0x8, length >= 2 else { return Answer(statusLine: statusLine) }
        let code = UInt16(frame[2]) << 8 | UInt16(frame[3])
        return Answer(statusLine: statusLine, closeCode: code, closeReason: String(decoding: frame[4..<(2 + length)], as: UTF8.self))
    }
}
