import HubStore

/// One area or centre of the hierarchy.
public struct AreaNode: Sendable, Equatable, Codable {
    /// The area code, or the node id for a centre.
    public var code: String
    /// The name people use.
    public var name: String
    /// Its level.
    public var level: AreaLevel
    /// The code of the area above it (a centre's commune); nil at the top or when unattached.
    public var parent: String?

    /// Makes a node.
    public init(code: String, name: String, level: AreaLevel, parent: String?) {
        self.code = code
        self.name = name
        self.level = level
        self.parent = parent
    }
}

/// The areas and centres of a hub, with the questions reports and access rules ask of them.
public struct AreaTree: Sendable {
    /// Every area and centre by code (centres by node id).
    public private(set) var nodes: [String: AreaNode]
    /// `sortKey` of every node, worked out once: reports sort thousands of rows by it, and
    /// walking the lineage on every comparison made sorting a nation's communes dominate a report.
    private var sortKeys: [String: String] = [:]

    /// The code used for centres not attached to any commune.
    public static let unattached = "-"

    /// Builds a tree from areas and centres.
    public init(_ list: [AreaNode]) {
        nodes = Dictionary(list.map { ($0.code, $0) }, uniquingKeysWith: { _, last in last })
        for code in nodes.keys {
            sortKeys[code] = lineage(code).reversed().map(\.code).joined(separator: "/")
        }
    }

    /// The hub's areas and centres (lower hubs are not places); with `roots`, only the part at,
    /// below and above them, which is all a report under those areas reads.
    public static func load(_ store: any HubStore, around roots: Set<String> = []) throws -> AreaTree {
        let areas: [Area]
        let centers: [Center]
        if roots.isEmpty {
            areas = try store.areas()
            centers = try store.centers()
        } else {
            let branch = try store.areaBranch(roots)
            areas = branch.areas
            centers = branch.centers
        }
        var list = areas.map { AreaNode(code: $0.code, name: $0.name, level: $0.level, parent: $0.parentCode) }
        for centre in centers where centre.role == .centre {
            list.append(AreaNode(code: centre.nodeId, name: centre.name, level: .center, parent: centre.communeCode))
        }
        return AreaTree(list)
    }

    /// The node itself, then each area above it, up to the top.
    public func lineage(_ code: String) -> [AreaNode] {
        var out: [AreaNode] = []
        var next: String? = code
        while let c = next, let node = nodes[c], !out.contains(where: { $0.code == c }) {
            out.append(node)
            next = node.parent
        }
        return out
    }

    /// Whether `code` is `scope` or lies below it.
    public func isWithin(_ code: String, _ scope: String) -> Bool {
        lineage(code).contains { $0.code == scope }
    }

    /// The areas and centres directly below `code`, ordered by code.
    public func children(of code: String) -> [AreaNode] {
        nodes.values.filter { $0.parent == code }.sorted { ($0.level, $0.code) < ($1.level, $1.code) }
    }

    /// The areas at the top (no parent), ordered by code.
    public var roots: [AreaNode] {
        nodes.values.filter { $0.parent == nil && $0.level != .center }.sorted { $0.code < $1.code }
    }

    /// The row a centre's numbers go to when grouping by `level`: the area of that level above
    /// it; for a commune straight under its province (no district), the commune itself; nil for
    /// a centre not attached to any commune.
    public func group(ofCentre nodeId: String, by level: AreaLevel) -> AreaNode? {
        let chain = lineage(nodeId)
        guard chain.count > 1 || level == .center else { return nil }
        if let exact = chain.first(where: { $0.level == level }) { return exact }
        // The level is missing in this branch: take the lowest area above the wanted level.
        return chain.last(where: { $0.level > level }) ?? chain.first
    }

    /// A sort key that keeps children under their parents (codes from the top down).
    public func sortKey(_ code: String) -> String {
        sortKeys[code] ?? ""
    }

    /// The names from the top down to `code`, e.g. `Tỉnh X › Huyện Y › Xã Z`.
    public func path(_ code: String) -> String {
        lineage(code).reversed().map(\.name).joined(separator: " › ")
    }
}
