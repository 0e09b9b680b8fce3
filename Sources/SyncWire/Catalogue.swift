import Foundation

/// One pack a hub offers.
public struct CatalogueEntry: Sendable, Equatable, Codable {
    /// Course id.
    public var id: String
    /// Course version.
    public var version: Int
    /// File name under `/api/v1/packs/`.
    public var file: String
    /// Size in bytes.
    public var size: Int64
    /// SHA-256, hex.
    public var sha256: String

    /// Makes an entry.
    public init(id: String, version: Int, file: String, size: Int64, sha256: String) {
        self.id = id
        self.version = version
        self.file = file
        self.size = size
        self.sha256 = sha256
    }
}

/// `GET /api/v1/catalogue`.
public struct Catalogue: Sendable, Equatable, Codable {
    /// The packs.
    public var packs: [CatalogueEntry]

    /// Makes a catalogue.
    public init(packs: [CatalogueEntry]) { self.packs = packs }
}
