import CQREncode
import Foundation

/// A QR code made by libqrencode, as a grid of dark modules, drawn as SVG.
public struct QRCode: Sendable {
    /// Modules per side.
    public let size: Int
    /// Row-major, `true` for a dark module.
    public let modules: [Bool]

    /// The QR code of `text` (alphanumeric/byte modes chosen by libqrencode) at error
    /// correction level M, the smallest version that fits; nil when the text does not fit a QR code.
    public init?(_ text: String, level: QRecLevel = QR_ECLEVEL_M) {
        guard let code = QRcode_encodeString(text, 0, level, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        size = width
        modules = (0..<(width * width)).map { code.pointee.data[$0] & 1 == 1 }
    }

    /// The QR version (1…40) for this size.
    public var version: Int { (size - 17) / 4 }

    /// The code as an SVG of `millimetres` per side with the standard four-module quiet zone:
    /// one path of unit squares, crisp at any print resolution.
    public func svg(millimetres: Double) -> String {
        let quiet = 4
        let total = size + 2 * quiet
        var path = ""
        for row in 0..<size {
            var column = 0
            while column < size {
                guard modules[row * size + column] else {
                    column += 1
                    continue
                }
                let start = column
                while column < size, modules[row * size + column] { column += 1 }
                path += "M\(start + quiet) \(row + quiet)h\(column - start)v1h-\(column - start)z"
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(millimetres)mm" height="\(millimetres)mm" \
            viewBox="0 0 \(total) \(total)" shape-rendering="crispEdges" role="img">\
            <rect width="\(total)" height="\(total)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>
            """
    }
}
