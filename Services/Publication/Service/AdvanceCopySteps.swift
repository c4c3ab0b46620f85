import Contract
import WorkingDays

extension Publication {
    /// An advance copy as recorded (T9): of a version held, sent after the board's approval
    /// (P1: planning starts only then) and not after today.
    func recordingAdvanceCopy(_ request: PublicationAPI.RecordAdvanceCopyRequest, by principal: String, clock: CaseClock)
        throws(PublicationError) -> PublicationAPI.AdvanceCopy
    {
        let document = request.document ?? .report
        if document == .improvementsInformation {
            guard let decision = notPublishingDecision else {
                throw .outOfOrder(
                    rule: .p2,
                    problem: "the partners have not decided not to publish the report; it is the report that is sent (DecideNotToPublish first)")
            }
            guard request.reportVersion == 1 else {
                throw .invalidField(path: "reportVersion", rule: .p2, problem: "the information about improvements has one version, 1")
            }
            guard request.sentOn >= decision.decidedOn else {
                throw .invalidField(
                    path: "sentOn", rule: .p2, problem: "\(request.sentOn) is before the decision not to publish (\(decision.decidedOn))")
            }
        } else if !(1...reportVersion).contains(request.reportVersion) {
            throw .invalidField(
                path: "reportVersion", rule: .t9,
                problem: "version \(request.reportVersion) is not held; the version to be published is \(reportVersion)")
        }
        guard request.sentOn <= clock.today else {
            throw .invalidField(path: "sentOn", rule: .t9, problem: "\(request.sentOn) is after today (\(clock.today))")
        }
        guard request.sentOn >= preparation.approvedOn else {
            throw .invalidField(
                path: "sentOn", rule: .p1, problem: "\(request.sentOn) is before the board approved the report on \(preparation.approvedOn)")
        }
        return PublicationAPI.AdvanceCopy(
            number: advanceCopies.count + 1, recipient: request.recipient, reportVersion: request.reportVersion, sentOn: request.sentOn,
            recordedBy: principal, document: document)
    }
}
