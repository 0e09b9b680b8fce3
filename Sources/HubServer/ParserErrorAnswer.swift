import Foundation
import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import SyncWire

/// Answers a request the HTTP parser cannot read (a bad request line, a header over the limit,
/// a negative length) with the same JSON error body as every other refusal, then closes the
/// connection. Hummingbird would answer a bare 400 with no body; the centre then has nothing
/// to show its operator.
///
/// Sits after Hummingbird's HTTP/1 codec. An error in the middle of a request's body goes on to
/// Hummingbird, whose answer for that request is already under way.
final class ParserErrorAnswer: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    private let logger: Logger
    private var inRequest = false

    init(logger: Logger) { self.logger = logger }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: inRequest = true
        case .end: inRequest = false
        case .body: break
        }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard error is HTTPParserError, !inRequest else {
            context.fireErrorCaught(error)
            return
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body =
            (try? encoder.encode(ErrorBody(code: "invalid", phrase: ServerText.notCompleteHTTP))) ?? Data("{}".utf8)
        let head = HTTPResponse(
            status: .badRequest,
            headerFields: [
                .contentType: "application/json; charset=utf-8", .contentLength: String(body.count),
                .connection: "close",
            ])
        logger.info("refused", metadata: ["method": "-", "path": "-", "status": "400", "node": "-"])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(ByteBuffer(bytes: body))), promise: nil)
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in bound.value.close(promise: nil) }
    }
}
