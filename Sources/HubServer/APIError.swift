import Foundation
import HTTPTypes
import Hummingbird
import Localization
import NIOHTTP1
import SyncWire

/// An error answered as `{"error": {"code": …, "message": …}}` with its HTTP status.
struct APIError: HTTPResponseError {
    let status: HTTPResponse.Status
    let code: String
    let phrase: Phrase
    var headers: HTTPFields = [:]

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Self.json(status: status, code: code, phrase: phrase, headers: headers)
    }

    /// The JSON answer: the sentence in English (`message`) and Vietnamese (`messageVi`), so a
    /// centre shows its operator the one in their language.
    static func json(status: HTTPResponse.Status, code: String, phrase: Phrase, headers: HTTPFields = [:]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(ErrorBody(code: code, phrase: phrase))) ?? Data("{}".utf8)
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The status a sync refusal deserves.
    static func from(_ error: SyncError) -> APIError {
        let status: HTTPResponse.Status
        switch error.kind {
        case .unknownNode, .revokedNode, .forbidden: status = .forbidden
        case .badSignature, .staleRequest: status = .unauthorized
        case .replayedRequest: status = .conflict
        case .invalid, .corrupt: status = .badRequest
        case .tooLarge: status = .contentTooLarge
        case .rateLimited: status = .tooManyRequests
        case .notInitialised, .network, .io, .storage: status = .internalServerError
        }
        return APIError(status: status, code: error.kind.rawValue, phrase: error.phrase)
    }
}

/// Turns every error into a JSON answer; anything unexpected is logged and answered as a bare 500.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return Self.logged(try error.response(from: request, context: context), request, context)
        } catch let error as SyncError {
            let api = APIError.from(error)
            if api.status == .internalServerError {
                context.logger.error(
                    "sync failure", metadata: ["path": "\(request.uri.path)", "kind": "\(error.kind.rawValue)"])
                return APIError.json(status: .internalServerError, code: "internal", phrase: ServerText.failed)
            }
            return Self.logged(try api.response(from: request, context: context), request, context)
        } catch is HTTPParserError {
            // A request cut off mid-body (a dropped connection) or not HTTP at all.
            return Self.logged(
                APIError.json(status: .badRequest, code: "invalid", phrase: ServerText.notCompleteHTTP), request,
                context)
        } catch let error as any HTTPResponseError {
            let code =
                error.status == .contentTooLarge
                ? "too-large" : error.status == .notFound ? "not-found" : "http-\(error.status.code)"
            let phrase =
                error.status == .contentTooLarge
                ? ServerText.bodyTooLarge
                : error.status == .notFound
                    ? ServerText.notFound : ServerText.http(error.status.code, error.status.reasonPhrase.lowercased())
            return Self.logged(APIError.json(status: error.status, code: code, phrase: phrase), request, context)
        } catch {
            // Unexpected: log the type only (never bodies, which hold learner data), reveal nothing.
            context.logger.error(
                "unexpected failure", metadata: ["path": "\(request.uri.path)", "type": "\(type(of: error))"])
            return APIError.json(status: .internalServerError, code: "internal", phrase: ServerText.failed)
        }
    }

    private static func logged(_ response: Response, _ request: Request, _ context: Context) -> Response {
        // The node as it claims to be (the refusal may be that its signature is wrong).
        let node = HTTPField.Name(SignedRequest.Header.node).flatMap { request.headers[$0] } ?? "-"
        context.logger.info(
            "refused",
            metadata: [
                "method": "\(request.method)", "path": "\(request.uri.path)", "status": "\(response.status.code)",
                "node": "\(ControlCharacters.replaced(in: String(node.prefix(64))))",
            ])
        return response
    }
}
