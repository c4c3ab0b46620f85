import Contract
import ServiceKitTestServices
import ServiceTestSupport
import TestSupport

/// Starts one of the ServiceKit test services (`.testSender`, `.testReceiver`) as a process.
func startProcess(
    _ service: ServiceIdentity, _ directory: TestDirectory, port: Int, peers: [ServiceIdentity: Int] = [:], extra: [String: String] = [:]
)
    async throws -> ChildProcess
{
    try await startServiceProcess(
        "ServiceKitTestService", arguments: [service.name], service: service, directory, port: port, peers: peers, extra: extra)
}

extension TestDirectory {
    /// A test directory whose tokens file has the test services' own principals.
    static func serviceKit() throws -> TestDirectory {
        try TestDirectory(tokens: TestTokens.file(services: [.testSender, .testReceiver]))
    }
}
