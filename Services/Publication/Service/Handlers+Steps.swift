import Contract
import RPC
import ServiceKit

/// The calls that record a step of the publication.
extension PublicationHandlers {
    /// review-management's hand-over, applied once per idempotency key; a replay answers the first reply.
    func preparePublication(_ request: PublicationAPI.PreparePublicationRequest, _ call: CallContext) async throws
        -> PublicationAPI.PreparePublicationResponse
    {
        let (clock, partnership) = (clock, context.configuration.partnership)
        let key = call.metadata[Idempotency.header] ?? ""
        let reply = try await store.receiveOnce(call: call, request: request) { writer in
            try PreparationHandOver.check(request, partnership: partnership, today: clock.today)
            guard try !writer.isPrepared(request.caseReference) else {
                return PublicationAPI.PreparePublicationResponse(caseReference: request.caseReference, prepared: false)
            }
            try writer.prepare(request, on: clock.today, idempotencyKey: key)
            return PublicationAPI.PreparePublicationResponse(caseReference: request.caseReference, prepared: true)
        }
        if reply.prepared {
            context.logger.info(
                "publication prepared",
                ["caseReference": .string(request.caseReference.description), "reportVersion": .string("\(request.reportVersion)")])
        }
        return reply
    }

    /// An advance copy sent to the National Panel, Ofsted or the Secretary of State (T9).
    func recordAdvanceCopy(_ request: PublicationAPI.RecordAdvanceCopyRequest, _ call: CallContext) async throws
        -> PublicationAPI.RecordAdvanceCopyResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { publication, writer in
            let copy = try publication.recordingAdvanceCopy(request, by: principal, clock: clock)
            try writer.recordAdvanceCopy(copy, of: publication.reference)
            var updated = publication
            updated.advanceCopies.append(copy)
            let t9 = updated.t9Standing(clock)
            return PublicationAPI.RecordAdvanceCopyResponse(
                caseReference: publication.reference, copy: copy, earliestPublicationDate: t9.earliest, advanceCopiesMissing: t9.missing)
        }
    }
}
