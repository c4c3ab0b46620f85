import Contract
import RPC
import ServiceKit

/// The calls of the family's involvement and the learning events (V5, §7, §8.8). Each reply
/// carries the §7.4.1 warnings standing after the step.
extension ReviewManagementHandlers {
    /// A family member identified, or a new version of one.
    func recordFamilyMember(_ request: ReviewManagementAPI.RecordFamilyMemberRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.RecordFamilyMemberResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let member = try review.recordingFamilyMember(request, by: principal, clock: clock)
            try writer.addFamilyMember(member, to: review.reference)
            var updated = review
            updated.familyMembers.append(member)
            return .init(caseReference: review.reference, member: member, warnings: updated.familyWarnings(clock))
        }
    }

    /// One step of the conversation with a family member (V5).
    func recordFamilyContact(_ request: ReviewManagementAPI.RecordFamilyContactRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.RecordFamilyContactResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let contact = try review.recordingFamilyContact(request, by: principal, clock: clock)
            try writer.recordFamilyContact(contact, number: review.familyContacts.count + 1, of: review.reference)
            var updated = review
            updated.familyContacts.append(contact)
            return .init(caseReference: review.reference, contact: contact, warnings: updated.familyWarnings(clock))
        }
    }

    /// The practitioners' workshop date (§8.8).
    func scheduleLearningEvent(_ request: ReviewManagementAPI.ScheduleLearningEventRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.ScheduleLearningEventResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let event = try review.schedulingLearningEvent(request, by: principal, clock: clock)
            try writer.recordLearningEvent(event, number: review.learningEvents.count + 1, of: review.reference)
            var updated = review
            updated.learningEvents.append(event)
            return .init(caseReference: review.reference, event: event, warnings: updated.familyWarnings(clock))
        }
    }
}
