import Contract
import Foundation
import RPC

/// `cspr`: the operators' command-line client. `run` is the whole program; `main.swift`
/// calls it with the process's arguments and streams, the tests with their own.
package enum Console {
    /// Runs `arguments` (without the program name); the exit status: 0 done, 1 the call
    /// failed (its status code and message are printed), 2 the command line or input is wrong.
    package static func run(_ arguments: [String], io: ConsoleIO) async -> Int32 {
        do {
            let line = try ParsedCommandLine(arguments)
            guard let command = line.words.first, command != "help", !line.flags.contains("help") else {
                io.output(Help.text)
                return 0
            }
            if command == "services" {
                // For scripts (deploy/local.sh): no token, no address.
                io.output(ServiceIdentity.startOrder.map { "\($0.name) \($0.principalRoles.map(\.rawValue).joined(separator: ","))\n" }.joined())
                return 0
            }
            let session = try Session(line, io: io)
            switch command {
            case "call": try await CallCommand.run(session)
            case "methods": try MethodsCommand.run(session)
            case "cases": try await GatewayCommands.cases(session)
            case "case": try await GatewayCommands.showCase(session)
            case "summary": try await GatewayCommands.summary(session)
            case "referral": try await IntakeCommands.referral(session)
            case "notification": try await IntakeCommands.notification(session)
            case "scoping": try await IntakeCommands.scoping(session)
            case "rapid-review": try await RapidReviewCommands.run(session)
            case "review": try await ReviewCommands.run(session)
            case "publication": try await PublicationCommands.run(session)
            default: throw ConsoleError.usage("unknown command \"\(command)\"")
            }
            return 0
        } catch let error as ConsoleError {
            io.errorOutput("cspr: \(error)\n")
            return error.exitStatus
        } catch {
            io.errorOutput("cspr: \(error)\n")
            return 2
        }
    }
}
