import ServiceTestSupport
import TestSupport

/// Starts one of the ServiceKit test services (`test-sender`, `test-receiver`) as a process.
func startProcess(_ name: String, _ directory: TestDirectory, port: Int, peers: [String: Int] = [:], extra: [String: String] = [:]) async throws
    -> ChildProcess
{
    try await startServiceProcess("ServiceKitTestService", arguments: [name], service: name, directory, port: port, peers: peers, extra: extra)
}
