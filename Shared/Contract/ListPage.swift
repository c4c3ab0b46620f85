import RPC

/// A page of a list call: at most `size` matching items after the first `offset`; the filters
/// apply before paging. The same limits for every list (`ListCases`, `ListReviews`, ...).
package struct ListPage: Sendable, Equatable {
    /// The page size when none is asked for.
    package static let defaultSize = 100
    /// The largest page.
    package static let maxSize = 1000

    /// At most this many items.
    package var size: Int
    /// Matching items passed over before the page.
    package var offset: Int

    /// The page a request asks for; INVALID_ARGUMENT naming `pageSize` or `offset` when out of range.
    package init(pageSize: Int?, offset: Int?) throws(RPCError) {
        if let pageSize, !(1...Self.maxSize).contains(pageSize) {
            throw RPCError(.invalidArgument, "pageSize: must be between 1 and \(Self.maxSize)")
        }
        if let offset, offset < 0 { throw RPCError(.invalidArgument, "offset: must be 0 or more") }
        size = pageSize ?? Self.defaultSize
        self.offset = offset ?? 0
    }

    /// The items of this page out of all the matching `items`.
    package func slice<T>(_ items: [T]) -> [T] {
        guard offset < items.count else { return [] }
        return Array(items[offset..<min(items.count, offset + size)])
    }
}
