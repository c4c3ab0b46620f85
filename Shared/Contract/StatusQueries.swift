import RPC

/// `GetStatuses`: every stage service answers it for the gateway, with no personal data.
///
/// Two ways to ask. By `references`: those cases' statuses. Otherwise a page of the stage's
/// change feed: the statuses that changed after the cursor `since` (from the start when absent),
/// in the order they changed, at most `pageSize` of them, and the cursor to ask from next. A
/// case appears once per page run at its latest status; one that changes again later appears
/// again after the cursor, so a reader that keeps asking from `next` misses no change.
package struct GetStatusesRequest: Sendable, Equatable, Codable {
    /// Most references one request may name.
    package static let maxReferences = 1000
    /// The page size when none is asked for.
    package static let defaultPageSize = 500
    /// The largest page (about 1.4 MB of statuses, well inside the 4 MiB message limit).
    package static let maxPageSize = 2000

    /// The cases wanted; empty means a page of the change feed.
    package var references: [CaseReference]
    /// Statuses changed after this cursor (a `next` from an earlier answer); absent: from the start.
    package var since: StatusCursor?
    /// At most this many statuses (1-2000); absent: 500.
    package var pageSize: Int?

    package init(references: [CaseReference] = [], since: StatusCursor? = nil, pageSize: Int? = nil) {
        self.references = references
        self.since = since
        self.pageSize = pageSize
    }

    /// `{}` asks for the first page.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        references = try container.decodeIfPresent([CaseReference].self, forKey: .references) ?? []
        since = try container.decodeIfPresent(StatusCursor.self, forKey: .since)
        pageSize = try container.decodeIfPresent(Int.self, forKey: .pageSize)
        if references.count > Self.maxReferences {
            throw DecodingError.dataCorruptedError(
                forKey: .references, in: container, debugDescription: "at most \(Self.maxReferences) references; page the feed for more")
        }
        if let pageSize, !(1...Self.maxPageSize).contains(pageSize) {
            throw DecodingError.dataCorruptedError(forKey: .pageSize, in: container, debugDescription: "must be between 1 and \(Self.maxPageSize)")
        }
    }

    private enum CodingKeys: String, CodingKey { case references, since, pageSize }

    /// The page size this request asks for.
    package var effectivePageSize: Int { pageSize ?? Self.defaultPageSize }
}

/// A place in a stage's change feed: the feed (one per database, so a replaced database is told
/// apart) and the last change version read. On the wire it is one opaque string.
package struct StatusCursor: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The feed's identifier: 16 hexadecimal digits, chosen when the database was created.
    package var feed: String
    /// The last change version read (0: none).
    package var version: Int64

    package init(feed: String, version: Int64) {
        self.feed = feed
        self.version = version
    }

    /// `feed.version`, e.g. `3f2a9c0d1e4b5a67.1042`.
    package var description: String { "\(feed).\(version)" }

    /// The cursor `text` spells; nil when it is not one.
    package init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 16, parts[0].allSatisfy(\.isHexDigit), let version = Int64(parts[1]), version >= 0 else {
            return nil
        }
        self.init(feed: String(parts[0]), version: version)
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let cursor = StatusCursor(try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a cursor given as `next` by an earlier GetStatuses")
        }
        self = cursor
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// The statuses a service holds: those asked for by reference, in reference order, or a page
/// of the change feed, in the order they changed.
package struct GetStatusesResponse: Sendable, Equatable, Codable {
    /// One per case found or changed.
    package var statuses: [CaseStatus]
    /// The cursor to ask from next (a feed page only). The same as `since` when nothing changed.
    package var next: StatusCursor?
    /// True when more changes were waiting after this page: ask again from `next` at once.
    package var more: Bool?
    /// True when `since` was from another feed (the stage's database was replaced or restored):
    /// this page starts from the beginning, and the reader should drop what it held of this stage
    /// once it has read to the end.
    package var restarted: Bool?

    package init(statuses: [CaseStatus], next: StatusCursor? = nil, more: Bool? = nil, restarted: Bool? = nil) {
        self.statuses = statuses
        self.next = next
        self.more = more
        self.restarted = restarted
    }
}

/// The `GetStatuses` method of `service`: callable by viewers, and by the services that read
/// the stages' feeds (`ServiceIdentity.statusReaders`) other than `service` itself.
package func getStatusesMethod(of service: String) -> Method<GetStatusesRequest, GetStatusesResponse> {
    Method(
        service: service, name: "GetStatuses", roles: .roles(.panelViewer, .caseReviewPanel, .auditor),
        callers: ServiceIdentity.statusReaders.filter { $0.rpcService != service })
}

extension ServiceIdentity {
    /// The services that read the stages' status feeds: the gateway (the Panel's combined view)
    /// and publication (the yearly report's figures).
    package static let statusReaders: [ServiceIdentity] = [.gateway, .publication]

    /// Its `GetStatuses` method (every stage service answers it for the gateway).
    package var getStatuses: Method<GetStatusesRequest, GetStatusesResponse> { getStatusesMethod(of: rpcService) }
}
