import Contract
import RPC
import Testing

/// Every method that returns personal data (a child's or family member's name, address or date
/// of birth, practitioners' names) with exactly the roles and calling services allowed, pinned in
/// one table (issue 17 item 18): a role added to one of them, `panel-viewer` to `GetCaseFile`
/// say, fails here, and must be added here on purpose.
@Suite("Who may read personal data")
struct PersonalDataRolesTests {
    /// A method returning personal data, and who may call it.
    struct Row: Sendable, CustomTestStringConvertible {
        let method: MethodInfo
        let roles: Set<Role>
        let callers: Set<ServiceIdentity>

        init(_ method: MethodDescription, roles: Set<Role>, callers: Set<ServiceIdentity> = []) {
            self.method = method.info
            self.roles = roles
            self.callers = callers
        }

        var testDescription: String { method.path }
    }

    /// Who reads a review in full at review-management (it holds the family's details).
    static let reviewReaders: Set<Role> = [
        .reviewTeam, .partnershipSupport, .leadReviewer, .caseReviewPanel, .independentChair, .board, .auditor,
    ]

    static let table: [Row] = [
        // intake: the only service that keeps the child's and family's details.
        Row(MethodDescription(IntakeAPI.getCase), roles: [.partnershipSupport, .caseReviewPanel, .independentChair]),
        Row(MethodDescription(IntakeAPI.getCaseFile), roles: [.partnershipSupport, .caseReviewPanel, .independentChair]),
        Row(MethodDescription(IntakeAPI.checkDisclosure), roles: [.publication, .service], callers: [.publication, .rapidReview]),
        Row(MethodDescription(IntakeAPI.getOutcomeParticulars), roles: [.service], callers: [.rapidReview]),
        // review-management: the family's involvement, practitioners and the learning event.
        Row(MethodDescription(ReviewManagementAPI.getReview), roles: reviewReaders),
        Row(MethodDescription(ReviewManagementAPI.getLearningEventDocument), roles: reviewReaders),
        Row(MethodDescription(ReviewManagementAPI.getCombinedChronology), roles: reviewReaders),
    ]

    @Test("item 18: each method returning personal data allows exactly the roles and services pinned here", arguments: table)
    func pinned(_ row: Row) {
        #expect(row.method.roles == Set(row.roles.map(\.rawValue)), "roles of \(row.method.path)")
        #expect(row.method.callers == Set(row.callers.map(\.name)), "calling services of \(row.method.path)")
        #expect(!row.method.roles.contains(Role.panelViewer.rawValue), "panel-viewer sees statuses only")
    }
}
