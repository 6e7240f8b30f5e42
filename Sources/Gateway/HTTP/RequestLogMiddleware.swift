import HTTPTypes
import Hummingbird
import Logging

/// Logs each request's method, path (never the query: it can hold tokens), status and duration,
/// and returns the request id in `X-Request-ID` so a caller can quote it.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            var response = try await next(request, context)
            response.headers[.requestID] = context.requestID
            log(request, context: context, status: response.status.code, start: start)
            return response
        } catch let error as any HTTPResponseError {
            // Answer the error here so its response carries the request id too.
            var response = try error.response(from: request, context: context)
            response.headers[.requestID] = context.requestID
            log(request, context: context, status: response.status.code, start: start, error: error)
            return response
        } catch {
            log(request, context: context, status: 500, start: start, error: error)
            throw error
        }
    }

    private func log(_ request: Request, context: Context, status: Int, start: ContinuousClock.Instant, error: (any Error)? = nil) {
        var metadata: Logger.Metadata = [
            "method": "\(request.method.rawValue)",
            "path": "\(request.uri.path)",
            "status": "\(status)",
            "duration_ms": "\((ContinuousClock.now - start).milliseconds)",
        ]
        if let error { metadata["error"] = "\(error)" }
        let level: Logger.Level = status >= 500 ? .error : (status >= 400 ? .notice : .info)
        context.logger.log(level: level, "request", metadata: metadata)
    }
}

extension HTTPField.Name {
    static let requestID = Self("X-Request-ID")!
}

extension Duration {
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
