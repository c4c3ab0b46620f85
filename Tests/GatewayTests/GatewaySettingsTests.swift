import GatewayService
import ServiceKit
import Testing

@Suite("The gateway's configuration")
struct GatewaySettingsTests {
    @Test("by default it asks every stage (intake, rapid-review, review-management, publication), refreshes every second, and gives each stage 1.5 s")
    func defaults() throws {
        let settings = try GatewaySettings.load(environment: [:])
        #expect(settings.stages.map(\.name) == ["intake", "rapid-review", "review-management", "publication"])
        #expect(settings.cacheFor == .seconds(1))
        #expect(settings.stageTimeout == .milliseconds(1500))
    }

    @Test("adding a stage is configuration: a URL variable, or CSPR_GATEWAY_STAGES")
    func addingStages() throws {
        let byURL = try GatewaySettings.load(environment: ["CSPR_PUBLICATION_URL": "http://publication:7104"])
        #expect(byURL.stages.map(\.name) == ["intake", "rapid-review", "review-management", "publication"])
        let byList = try GatewaySettings.load(environment: ["CSPR_GATEWAY_STAGES": "publication, review-management,intake"])
        #expect(byList.stages.map(\.name) == ["intake", "review-management", "publication"])
        #expect(byList.stages.map(\.rpcService) == ["cspr.intake.v1.Intake", "cspr.review.v1.ReviewManagement", "cspr.publication.v1.Publication"])
    }

    @Test(
        "a bad value names its variable",
        arguments: [
            ("CSPR_GATEWAY_STAGES", "intake,court"), ("CSPR_GATEWAY_CACHE_SECONDS", "-1"), ("CSPR_GATEWAY_STAGE_TIMEOUT_MS", "fast"),
            ("CSPR_INTAKE_PAGES_URL", "javascript:alert(1)"), ("CSPR_RAPID_REVIEW_PAGES_URL", "ftp://rapid-review.example"),
            ("CSPR_REVIEW_MANAGEMENT_PAGES_URL", "reviews.example"), ("CSPR_PUBLICATION_PAGES_URL", "data:text/html,x"),
        ])
    func badValue(variable: String, value: String) {
        #expect {
            try GatewaySettings.load(environment: [variable: value])
        } throws: { error in
            (error as? ConfigurationError)?.variable == variable
        }
    }

    @Test("intake's pages for the dashboard's links: CSPR_INTAKE_PAGES_URL, else intake's address, else its default port")
    func intakePages() throws {
        #expect(try GatewaySettings.load(environment: [:]).intakePagesURL == "http://127.0.0.1:7101")
        #expect(try GatewaySettings.load(environment: ["CSPR_INTAKE_URL": "127.0.0.1:7201"]).intakePagesURL == "http://127.0.0.1:7201")
        let set = try GatewaySettings.load(environment: ["CSPR_INTAKE_URL": "intake:7101", "CSPR_INTAKE_PAGES_URL": "https://intake.example/"])
        #expect(set.intakePagesURL == "https://intake.example")
    }

    @Test("every stage's pages for the dashboard's links: CSPR_<STAGE>_PAGES_URL, else the stage's address, else its default port")
    func stagePages() throws {
        let defaults = try GatewaySettings.load(environment: [:])
        #expect(defaults.pagesURL(.rapidReview) == "http://127.0.0.1:7102")
        #expect(defaults.pagesURL(.reviewManagement) == "http://127.0.0.1:7103")
        #expect(defaults.pagesURL(.publication) == "http://127.0.0.1:7104")
        let byAddress = try GatewaySettings.load(environment: [
            "CSPR_RAPID_REVIEW_URL": "127.0.0.1:7202", "CSPR_REVIEW_MANAGEMENT_URL": "127.0.0.1:7203", "CSPR_PUBLICATION_URL": "127.0.0.1:7204",
        ])
        #expect(byAddress.pagesURL(.rapidReview) == "http://127.0.0.1:7202")
        #expect(byAddress.pagesURL(.reviewManagement) == "http://127.0.0.1:7203")
        #expect(byAddress.pagesURL(.publication) == "http://127.0.0.1:7204")
        let set = try GatewaySettings.load(environment: [
            "CSPR_RAPID_REVIEW_URL": "rapid-review:7102", "CSPR_RAPID_REVIEW_PAGES_URL": "https://rapid-review.example/",
            "CSPR_REVIEW_MANAGEMENT_PAGES_URL": "http://127.0.0.1:7183", "CSPR_PUBLICATION_PAGES_URL": "https://publication.example",
        ])
        #expect(set.pagesURL(.rapidReview) == "https://rapid-review.example")
        #expect(set.pagesURL(.reviewManagement) == "http://127.0.0.1:7183")
        #expect(set.pagesURL(.publication) == "https://publication.example")
        #expect(GatewaySettings.pagesVariable(.reviewManagement) == "CSPR_REVIEW_MANAGEMENT_PAGES_URL")
    }

    @Test("the definition's peers are the stages asked")
    func definitionPeers() throws {
        let definition = try GatewayService.definition(environment: ["CSPR_GATEWAY_STAGES": "rapid-review"])
        #expect(definition.name == "gateway")
        #expect(definition.peers == [.rapidReview])
        #expect(definition.hasPages)
    }
}
