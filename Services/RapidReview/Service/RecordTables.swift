import ServiceKit

/// A Rapid Review's later history tables refer to its row in `rapid_reviews` (ServiceKit's
/// `CaseRecordTable`; the first steps' tables were written out before it existed).
enum RapidReviewRecords: CaseRecordParent { static let table = "rapid_reviews" }

/// The shape of a Rapid Review's later history tables.
typealias RecordTable = CaseRecordTable<RapidReviewRecords>
