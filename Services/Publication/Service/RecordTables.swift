import ServiceKit

/// A publication's history tables refer to its row in `publications` (ServiceKit's `CaseRecordTable`).
enum PublicationRecords: CaseRecordParent { static let table = "publications" }

/// The shape of a publication's history tables.
typealias RecordTable = CaseRecordTable<PublicationRecords>
