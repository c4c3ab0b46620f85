import Contract
import ServiceKit
import ServiceTestSupport

/// A stand-in for publication: it applies each PreparePublication once per idempotency key, as
/// the real service will, and lists what it applied.
enum StandInPublication {
    static let receiver = StandInReceiver(HandOvers.preparePublication) {
        PublicationAPI.PreparePublicationResponse(caseReference: $0.caseReference, prepared: true)
    }
    static var definition: ServiceDefinition { receiver.definition }

    /// What the stand-in listening on `port` has applied.
    static func prepared(port: Int) async throws -> [StandInReceiver<
        PublicationAPI.PreparePublicationRequest, PublicationAPI.PreparePublicationResponse
    >.Received] {
        try await receiver.received(port: port)
    }
}
