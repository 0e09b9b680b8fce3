import BlockingCalls
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SyncHub
import SyncWire

/// `POST /api/v1/events`: a signed batch from a registered node.
enum EventsEndpoint {
    static func handle(
        _ request: Request, context: some RequestContext, service: SyncService, limiter: RateLimiter, maxBytes: Int
    ) async throws -> Response {
        func header(_ name: String) -> String? { HTTPField.Name(name).flatMap { request.headers[$0] } }
        guard let node = header(SignedRequest.Header.node), let timestampText = header(SignedRequest.Header.timestamp),
            let timestamp = Int64(timestampText), let nonce = header(SignedRequest.Header.nonce),
            let signature = header(SignedRequest.Header.signature)
        else {
            throw APIError(status: .unauthorized, code: "bad-signature", phrase: ServerText.notSigned)
        }
        // Keyed by the claimed node, before the body is read: a flood costs the flooder its quota.
        guard limiter.allow(node) else {
            throw APIError(
                status: .tooManyRequests, code: "rate-limited",
                phrase: ServerText.tooManyRequests(node),
                headers: [.retryAfter: "1"])
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBytes {
            throw APIError(status: .contentTooLarge, code: "too-large", phrase: ServerText.bodyOver(maxBytes))
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBytes)
        } catch is NIOTooManyBytesError {
            throw APIError(status: .contentTooLarge, code: "too-large", phrase: ServerText.bodyOver(maxBytes))
        }
        let body = Data(buffer: buffer)
        let signed = SignedRequest(node: node, timestamp: timestamp, nonce: nonce, signature: signature)
        let path = request.uri.path
        let answer = try await BlockingCalls.run {
            try service.acceptEvents(method: "POST", path: path, request: signed, body: body)
        }
        context.logger.info(
            "events",
            metadata: [
                "method": "\(request.method)", "path": "\(request.uri.path)", "status": "200", "node": "\(node)",
                "new": "\(answer.counts.new)", "duplicate": "\(answer.counts.duplicate)",
                "rejected": "\(answer.counts.rejected)",
                "held-back": "\(answer.heldBack.values.reduce(0, +))",
            ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(answer))))
    }
}
