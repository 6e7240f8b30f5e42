import Hummingbird

/// `GET /openapi.json` (the admin API's OpenAPI 3.1 document) and `GET /docs` (a page that
/// renders it, without external assets). Both are embedded in the binary.
struct APIDocsController: Sendable {
    func addRoutes(to router: Router<GatewayRequestContext>) {
        router.get("/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: PackageResources.openapi_json)))
        }
        router.get("/docs") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: PackageResources.docs_html)))
        }
    }
}
