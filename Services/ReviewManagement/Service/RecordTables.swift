import ServiceKit

/// A review's history tables refer to its row in `reviews` (ServiceKit's `CaseRecordTable`).
enum ReviewRecords: CaseRecordParent { static let table = "reviews" }

/// The shape of most of a review's tables.
typealias RecordTable = CaseRecordTable<ReviewRecords>
