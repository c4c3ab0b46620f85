import Contract
import Foundation
import RPC
import ServiceKit
import TestSupport
import Testing

/// Issue 17, item 10: a token on two lines is refused naming both; a token compares in full,
/// lengths included; a tokens-file error stops a service with exit status 2.
@Suite("The tokens file, hardened (issue 17, item 10)")
struct TokensFileHardeningTests {
    static let token = "abcdefghijklmnop0001"

    @Test("item 10: the same token on two lines is refused at start, naming both lines and not the token")
    func duplicate() {
        let text =
            "# staff\n\(Self.token) Pat.Support partnership-support\n\nabcdefghijklmnop0002 Sam.Panel case-review-panel\n\(Self.token) Ops.Admin admin\n"
        do {
            _ = try TokensFile(text: text, source: "tokens")
            Issue.record("a duplicate token was accepted")
        } catch {
            #expect(error.variable == "tokens lines 2 and 5")
            #expect(!error.problem.contains(Self.token))
        }
    }

    @Test(
        "item 10: only the token itself matches: not with NUL bytes after it (256 of them included), not a prefix",
        arguments: [0, 1, 255, 256, 257, 512])
    func fullLength(padding: Int) throws {
        let tokens = try TokensFile(text: "\(Self.token) Pat.Support partnership-support\n")
        #expect(tokens.principal(for: Self.token)?.name == "Pat.Support")
        let padded = Self.token + String(repeating: "\0", count: padding)
        #expect((tokens.principal(for: padded) != nil) == (padding == 0), "\(padding) NUL bytes")
        #expect(tokens.principal(for: String(Self.token.dropLast())) == nil)
    }

    @Test(
        "item 10: a tokens-file error stops the service at start with exit status 2, saying what is wrong",
        arguments: [("\(token) a service\n\(token) b service\n", 0o600, "lines 1 and 2"), ("\(token) a service\n", 0o644, "chmod 600")])
    func exitStatus(_ text: String, mode: Int, says: String) async throws {
        guard let executable = BuiltProducts.executable("ServiceKitTestService") else { throw ChildProcessError.notBuilt("ServiceKitTestService") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cspr-tokens-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("tokens")
        try text.write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
        let result = try await runCommand(
            executable.path, [ServiceIdentity.testSender.name],
            environment: [
                "CSPR_TOKENS_FILE": file.path, "CSPR_DATA_DIR": directory.appendingPathComponent("data").path, "CSPR_LISTEN": "127.0.0.1:0",
            ], timeout: .seconds(20))
        #expect(result.status == 2, "\(result.output)")
        #expect(result.output.contains(says))
    }
}
