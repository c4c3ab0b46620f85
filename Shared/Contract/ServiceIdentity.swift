/// Who a service of the stack is: its name, default port, RPC service, address variable and
/// stage. The one place a service is named: configuration, the gateway, `cspr`, the tests and
/// `deploy/local.sh` (through `--describe`) all read it from here.
///
/// Test services (a sender and a receiver, stand-in stages) declare their own with the same type.
package struct ServiceIdentity: Sendable, Hashable, CustomStringConvertible {
    /// The service's name: `rapid-review` (logs, data directory, tokens file principal, executable).
    package let name: String
    /// Where it listens on one machine when `CSPR_LISTEN` is not set (DESIGN.md, Configuration).
    package let defaultPort: Int
    /// Its RPC service in the gRPC path, `cspr.rapidreview.v1.RapidReview`. Every service also
    /// serves ServiceKit's admin calls and the health check beside it.
    package let rpcService: String
    /// The case stage it owns; nil for the gateway and the test services.
    package let stage: CaseStage?
    /// The roles of its own principal in the tokens file, for its calls to its peers: `service`
    /// (and `publication` for the publication service, from before its calls were named by
    /// caller; a `service` principal is judged by its name alone, so that role grants nothing).
    package let principalRoles: [Role]
    /// Whether the stack runs it today. A service named here before it is built (a peer's
    /// hand-overs may already go to it) is not asked by the gateway unless configured to.
    package let deployed: Bool
    /// Its calls as the contract lists them (read when asked: the API's list refers back to
    /// this identity for its RPC service).
    private let contract: @Sendable () -> [MethodDescription]

    package init(
        name: String, defaultPort: Int, rpcService: String, stage: CaseStage? = nil, principalRoles: [Role] = [.service],
        deployed: Bool = true, methods: @escaping @Sendable () -> [MethodDescription] = { [] }
    ) {
        self.name = name
        self.defaultPort = defaultPort
        self.rpcService = rpcService
        self.stage = stage
        self.principalRoles = principalRoles
        self.deployed = deployed
        self.contract = methods
    }

    /// Its own calls in the contract (not ServiceKit's admin calls, which every service has).
    package var methods: [MethodDescription] { contract() }

    /// One identity per name.
    package static func == (lhs: ServiceIdentity, rhs: ServiceIdentity) -> Bool {
        lhs.name == rhs.name && lhs.defaultPort == rhs.defaultPort && lhs.rpcService == rhs.rpcService && lhs.stage == rhs.stage
            && lhs.principalRoles == rhs.principalRoles && lhs.deployed == rhs.deployed
    }

    package func hash(into hasher: inout Hasher) { hasher.combine(name) }

    /// The variable that tells its callers where it is: `CSPR_RAPID_REVIEW_URL` for `rapid-review`.
    package var urlVariable: String { "CSPR_\(name.uppercased().replacingOccurrences(of: "-", with: "_"))_URL" }

    package var description: String { name }
}

extension ServiceIdentity {
    /// The Panel's combined, read-only view of every case.
    package static let gateway = ServiceIdentity(
        name: "gateway", defaultPort: 7100, rpcService: "cspr.gateway.v1.Gateway", methods: { GatewayAPI.methods })
    /// Referrals, notifications and initial scoping (Partnership Support Team).
    package static let intake = ServiceIdentity(
        name: "intake", defaultPort: 7101, rpcService: "cspr.intake.v1.Intake", stage: .intake, methods: { IntakeAPI.methods })
    /// The Rapid Review (Case Review Panel).
    package static let rapidReview = ServiceIdentity(
        name: "rapid-review", defaultPort: 7102, rpcService: "cspr.rapidreview.v1.RapidReview", stage: .rapidReview,
        methods: { RapidReviewAPI.methods })
    /// Commissioned reviews (Review Team, Lead Reviewer).
    package static let reviewManagement = ServiceIdentity(
        name: "review-management", defaultPort: 7103, rpcService: "cspr.review.v1.ReviewManagement", stage: .review,
        methods: { ReviewManagementAPI.methods })
    /// Publication, archive and action plans.
    package static let publication = ServiceIdentity(
        name: "publication", defaultPort: 7104, rpcService: "cspr.publication.v1.Publication", stage: .publication,
        principalRoles: [.service, .publication], methods: { PublicationAPI.methods })

    /// Every service of the stack, by port.
    package static let all: [ServiceIdentity] = [gateway, intake, rapidReview, reviewManagement, publication]

    /// The stage services, in the order of the workflow (DESIGN.md, Hand-overs between stages).
    package static let stages: [ServiceIdentity] = all.filter { $0.stage != nil }.sorted { $0.workflowOrder < $1.workflowOrder }

    /// Every service in the order a stack starts them: the stages in workflow order, then the
    /// gateway, which asks them (`cspr services`, deploy/local.sh).
    package static let startOrder: [ServiceIdentity] = stages + all.filter { $0.stage == nil }

    /// The service of the stack named `name`, if there is one.
    package static func named(_ name: String) -> ServiceIdentity? { all.first { $0.name == name } }

    /// Its place in the workflow, from its stage (0 for intake); services without a stage come last.
    package var workflowOrder: Int { stage.flatMap { CaseStage.allCases.firstIndex(of: $0) } ?? CaseStage.allCases.count }
}
