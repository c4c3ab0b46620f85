// cspr: the operators' command-line client (Services/Console/README.md).
import ConsoleCommands
import Foundation

signal(SIGPIPE, SIG_IGN)
let status = await Console.run(Array(CommandLine.arguments.dropFirst()), io: .process)
exit(status)
