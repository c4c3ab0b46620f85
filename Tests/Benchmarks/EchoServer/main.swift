// The echo service on a real port: the benchmark's target, and the peer of the tests that need
// a separate process (graceful stop, interoperability). Port from argv[1] (0 = any; the bound
// port is printed as "listening on PORT"), loops from CSPR_LOOPS. SIGTERM drains and exits 0.
// It prints "holding TEXT" when a call starts to sleep and "draining" when SIGTERM arrives, so a
// test can wait for each instead of guessing how long they take.
import Foundation
import H2
import RPC
import TestSupport

var configuration = ServerConfiguration()
configuration.port = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 0 : 0
if let loops = ProcessInfo.processInfo.environment["CSPR_LOOPS"].flatMap(Int.init) { configuration.loopCount = loops }
let grace = Duration.milliseconds(ProcessInfo.processInfo.environment["CSPR_GRACE_MS"].flatMap(Int.init) ?? 10_000)

let server = try RPCServer(
    configuration: configuration,
    router: RPCRouter(
        routes: EchoService.routes(holding: { text in
            FileHandle.standardOutput.write(Data("holding \(text)\n".utf8))
        })))
FileHandle.standardOutput.write(Data("listening on \(server.port)\n".utf8))

signal(SIGTERM, SIG_IGN)
let stop = DispatchSource.makeSignalSource(signal: SIGTERM, queue: .main)
stop.setEventHandler {
    FileHandle.standardOutput.write(Data("draining\n".utf8))
    Task {
        await server.shutdown(grace: grace)
        FileHandle.standardOutput.write(Data("stopped\n".utf8))
        exit(0)
    }
}
stop.resume()
dispatchMain()
