import Contract
import Foundation
import RPC
import ServiceKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Configuration from the environment")
struct ConfigurationTests {
    @Test("defaults work on one machine: the service's own port, ./.cspr, peers on their default ports")
    func defaults() throws {
        let configuration = try ServiceConfiguration.load(.intake, peers: [.rapidReview], environment: [:])
        #expect(configuration.listen == PeerAddress(host: "127.0.0.1", port: 7101))
        #expect(configuration.dataDirectory.path.hasSuffix(".cspr/data/intake"))
        #expect(configuration.tokensFile.path.hasSuffix(".cspr/tokens"))
        #expect(configuration.peers["rapid-review"] == PeerAddress(host: "127.0.0.1", port: 7102))
        #expect(configuration.partnership == "SURREY")
        #expect(configuration.ruleSet == "surrey-2019")
        #expect(configuration.grace == .seconds(10))
    }

    @Test("variables override the defaults")
    func overrides() throws {
        let configuration = try ServiceConfiguration.load(
            .intake, peers: [.rapidReview],
            environment: [
                "CSPR_LISTEN": "0.0.0.0:9001", "CSPR_RAPID_REVIEW_URL": "http://rapid-review:7102/", "CSPR_PARTNERSHIP": "KENT",
                "CSPR_RULE_SET": "wt-2023", "CSPR_TODAY": "2025-01-02", "CSPR_GRACE_SECONDS": "2.5",
            ])
        #expect(configuration.listen == PeerAddress(host: "0.0.0.0", port: 9001))
        #expect(configuration.peers["rapid-review"] == PeerAddress(host: "rapid-review", port: 7102))
        #expect(configuration.partnership == "KENT")
        #expect(configuration.ruleSet == "wt-2023")
        #expect(configuration.today == "2025-01-02")
        #expect(configuration.grace == .milliseconds(2500))
    }

    @Test(
        "a bad value fails at start, naming the variable",
        arguments: [
            ("CSPR_LISTEN", "localhost"), ("CSPR_LISTEN", "1.2.3.4:99999"), ("CSPR_PARTNERSHIP", "surrey"), ("CSPR_PARTNERSHIP", "S"),
            ("CSPR_RULE_SET", "wt-2018"), ("CSPR_GRACE_SECONDS", "soon"), ("CSPR_LOOPS", "0"), ("CSPR_RAPID_REVIEW_URL", "rapid-review"),
        ])
    func badValues(variable: String, value: String) {
        do {
            _ = try ServiceConfiguration.load(.intake, peers: [.rapidReview], environment: [variable: value])
            Issue.record("\(variable)=\(value) was accepted")
        } catch {
            #expect(error.variable == variable)
            #expect(error.description.contains(value))
        }
    }
}

@Suite("Tokens file")
struct TokensFileTests {
    @Test("a token maps to its principal and roles; an unknown token to nobody")
    func lookup() throws {
        let tokens = try TokensFile(text: "# comment\nabcdefghijklmnop0001 Pat.Support partnership-support,auditor  # trailing\n\n")
        #expect(tokens.principal(for: "abcdefghijklmnop0001") == Principal(name: "Pat.Support", roles: ["partnership-support", "auditor"]))
        #expect(tokens.principal(for: "abcdefghijklmnop0002") == nil)
        #expect(tokens.principal(for: "abcdefghijklmnop000") == nil)
        #expect(tokens.principal(for: "") == nil)
    }

    @Test("item 14: a line may end by naming the one agency its token speaks for; lines without it read as before")
    func agency() throws {
        let tokens = try TokensFile(
            text: "abcdefghijklmnop0001 Ali.Agency agency agency=Testshire  Police\nabcdefghijklmnop0002 Pat.Support partnership-support\n")
        #expect(tokens.principal(for: "abcdefghijklmnop0001") == Principal(name: "Ali.Agency", roles: ["agency"], agency: "Testshire Police"))
        #expect(tokens.principal(for: "abcdefghijklmnop0002") == Principal(name: "Pat.Support", roles: ["partnership-support"]))
        #expect(throws: ConfigurationError.self) { try TokensFile(text: "abcdefghijklmnop0001 Ali.Agency agency agency=\n") }
        #expect(throws: ConfigurationError.self) { try TokensFile(text: "abcdefghijklmnop0001 Ali.Agency agency Testshire Police\n") }
    }

    @Test("a malformed line is refused naming the line; a short token is refused")
    func malformed() {
        #expect(throws: ConfigurationError.self) { try TokensFile(text: "abcdefghijklmnop0001 only-two-fields\n") }
        do {
            _ = try TokensFile(text: "# ok\nabcdefghijklmnop0001 a b c\n", source: "tokens")
        } catch {
            #expect(error.variable == "tokens line 2")
        }
        #expect(throws: ConfigurationError.self) { try TokensFile(text: "short P partnership-support\n") }
    }

    @Test("a tokens file others can read is refused, with the fix in the message")
    func mode() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cspr-tokens-\(UUID().uuidString)")
        try "abcdefghijklmnop0001 P admin\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        chmod(file.path, 0o644)
        do {
            _ = try TokensFile.load(file)
            Issue.record("a 0644 tokens file was accepted")
        } catch {
            #expect(error.description.contains("chmod 600"))
        }
        chmod(file.path, 0o600)
        #expect(try TokensFile.load(file).principals.count == 1)
    }
}

@Suite("Structured logs")
struct LoggerTests {
    @Test("each line is one JSON object with time, level, service, message and the fields")
    func jsonLines() throws {
        final class Lines: @unchecked Sendable { var all: [String] = [] }
        let lines = Lines()
        let logger = Logger(service: "intake") { lines.all.append($0) }
        logger.info("call", ["method": "/cspr.intake.v1.Intake/GetCase", "status": "OK", "durationMs": .double(1.23456)])
        logger.log(.debug, "not shown")
        #expect(lines.all.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines.all[0].utf8)) as? [String: Any])
        #expect(object["service"] as? String == "intake")
        #expect(object["level"] as? String == "info")
        #expect(object["message"] as? String == "call")
        #expect(object["status"] as? String == "OK")
        #expect(object["durationMs"] as? Double == 1.235)
        #expect((object["time"] as? String)?.hasSuffix("Z") == true)
    }
}
