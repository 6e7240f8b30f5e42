import ChannelKit
import Foundation

/// An OpenAI-compatible `/v1/embeddings` client (OpenAI, Ollama, vLLM, llama.cpp server), the
/// alternative to the native MiniLM model. Vectors are L2-normalized here whatever the server
/// returns, so a dot product stays a cosine.
public struct OpenAIEmbedder: Embedder {
    public let identifier: String
    public let dimension: Int
    let endpoint: LLMEndpoint
    let model: String
    let transport: any LLMTransport

    /// - Parameters:
    ///   - endpoint: base URL (`https://api.openai.com/v1`), API key, timeout and headers.
    ///   - model: the embedding model (`text-embedding-3-small`).
    ///   - dimension: the vector length the model returns (asked for with `dimensions`).
    public init(endpoint: LLMEndpoint, model: String, dimension: Int, transport: any LLMTransport) {
        self.endpoint = endpoint
        self.model = model
        self.dimension = dimension
        self.transport = transport
        self.identifier = "openai:\(model):\(dimension)"
    }

    private struct RequestBody: Encodable {
        var model: String
        var input: [String]
        var dimensions: Int
    }

    private struct ResponseBody: Decodable {
        struct Item: Decodable {
            var index: Int
            var embedding: [Float]
        }
        var data: [Item]
    }

    /// The request for a batch, as sent.
    public func request(for texts: [String]) throws -> ProviderRequest {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers: HeaderFields = ["Content-Type": "application/json", "Accept": "application/json"]
        if let key = endpoint.apiKey {
            headers["Authorization"] = "Bearer \(key.value)"
        }
        for field in endpoint.headers {
            headers[field.name] = field.value
        }
        let url = endpoint.baseURL.hasSuffix("/") ? endpoint.baseURL + "embeddings" : endpoint.baseURL + "/embeddings"
        return ProviderRequest(method: "POST", url: url, headers: headers, body: try encoder.encode(RequestBody(model: model, input: texts, dimensions: dimension)))
    }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        guard !texts.isEmpty else { return [] }
        let response = try await transport.send(try request(for: texts), timeout: endpoint.timeout)
        guard (200..<300).contains(response.status) else {
            throw EmbedderError.serverRefused(status: response.status, body: String(decoding: response.body.prefix(300), as: UTF8.self))
        }
        let decoded: ResponseBody
        do {
            decoded = try JSONDecoder().decode(ResponseBody.self, from: response.body)
        } catch {
            throw EmbedderError.malformedResponse("the answer is not an embeddings list (\(error))")
        }
        let ordered = decoded.data.sorted { $0.index < $1.index }.map(\.embedding)
        guard ordered.count == texts.count else {
            throw EmbedderError.malformedResponse("\(ordered.count) vectors for \(texts.count) texts")
        }
        return try ordered.map { vector in
            guard vector.count == dimension else {
                throw EmbedderError.malformedResponse("a vector of \(vector.count) dimensions, configured \(dimension)")
            }
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return norm > 0 ? vector.map { $0 / norm } : vector
        }
    }
}

/// Why an embedder produced no vectors.
public enum EmbedderError: Error, Hashable, Sendable, CustomStringConvertible {
    case serverRefused(status: Int, body: String)
    case malformedResponse(String)

    public var description: String {
        switch self {
        case .serverRefused(let status, let body): "the embeddings server answered \(status): \(body)"
        case .malformedResponse(let reason): "the embeddings server's answer is unusable: \(reason)"
        }
    }
}
