import RPC

/// A call one stage makes to the next through its outbox: the method and the service that
/// receives it. Queued through ServiceKit's typed `Outbox.enqueue`, so that a hand-over goes
/// to the service that serves its method, with that method's request type, or does not compile.
package struct HandOver<Request: Codable & Sendable, Response: Codable & Sendable>: Sendable {
    /// The receiver's method.
    package let method: Method<Request, Response>
    /// The service that serves it: the outbox's destination, delivered at its `CSPR_<NAME>_URL`.
    package let destination: ServiceIdentity

    /// `method`, served by `destination`. A method of another service is a programming error,
    /// caught the first time the hand-over is named (and by ContractTests for the stack's own).
    package init(_ method: Method<Request, Response>, to destination: ServiceIdentity) {
        precondition(method.path.hasPrefix("/\(destination.rpcService)/"), "\(method.path) is not a method of \(destination.name)")
        self.method = method
        self.destination = destination
    }
}

/// The hand-overs between the stages (DESIGN.md, Hand-overs between stages).
package enum HandOvers {
    /// Intake opens the Rapid Review.
    package static let openRapidReview = HandOver(RapidReviewAPI.openRapidReview, to: .rapidReview)
    /// Intake sends the Rapid Review what it learned after the open (issue 15, item 1).
    package static let updateRapidReview = HandOver(RapidReviewAPI.updateRapidReview, to: .rapidReview)
    /// Rapid-review tells intake the meeting was held: scoping closes and intake's deadlines retire.
    package static let rapidReviewMeetingHeld = HandOver(IntakeAPI.recordRapidReviewMeeting, to: .intake)
    /// Rapid-review commissions the review the independent chair ratified.
    package static let commissionReview = HandOver(ReviewManagementAPI.commissionReview, to: .reviewManagement)
    /// Review-management hands the board-approved report to publication (P1).
    package static let preparePublication = HandOver(PublicationAPI.preparePublication, to: .publication)
}
