import Contract
import ServiceKit

/// A stand-in for publication: it applies each PreparePublication once per idempotency key, as
/// the real service will, and lists what it applied.
package enum StandInPublication {
    package static let receiver = StandInReceiver(HandOvers.preparePublication) {
        PublicationAPI.PreparePublicationResponse(caseReference: $0.caseReference, prepared: true)
    }
    package static var definition: ServiceDefinition { receiver.definition }

    /// What the stand-in listening on `port` has applied.
    package static func prepared(port: Int) async throws -> [StandInReceiver<
        PublicationAPI.PreparePublicationRequest, PublicationAPI.PreparePublicationResponse
    >.Received] {
        try await receiver.received(port: port)
    }
}
