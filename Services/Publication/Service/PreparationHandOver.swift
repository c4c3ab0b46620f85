import Contract
import WorkingDays

/// The checks on review-management's `PreparePublication` hand-over before planning starts.
enum PreparationHandOver {
    /// Refuses a hand-over this service cannot take: another partnership's case, a report not
    /// yet approved (dated after today), or no report version.
    static func check(_ request: PublicationAPI.PreparePublicationRequest, partnership: String, today: CivilDate) throws(PublicationError) {
        guard request.caseReference.partnership == partnership else {
            throw .invalidField(
                path: "caseReference", rule: nil,
                problem: "\(request.caseReference) belongs to partnership \(request.caseReference.partnership); this service serves \(partnership)")
        }
        guard request.reportVersion >= 1 else {
            throw .invalidField(path: "reportVersion", rule: nil, problem: "\(request.reportVersion) is not a report version (from 1)")
        }
        guard request.approvedOn <= today else {
            throw .invalidField(
                path: "approvedOn", rule: .p1, problem: "\(request.approvedOn) is after today (\(today)): the board has not approved it yet")
        }
    }
}
