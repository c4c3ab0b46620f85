import RPC

/// Why a `cspr` command failed, and its exit status.
package enum ConsoleError: Error, Equatable, CustomStringConvertible {
    /// The command line is wrong (exit 2).
    case usage(String)
    /// An input file or JSON could not be read (exit 2).
    case input(String)
    /// The call failed: the service's (or the transport's) status code and message (exit 1).
    case call(RPCError)

    /// 1 for a failed call, 2 for a command line or input that could not be used.
    package var exitStatus: Int32 {
        switch self {
        case .call: 1
        case .usage, .input: 2
        }
    }

    /// A request refused here, before it is sent, with the code the service would give.
    package static func refused(_ error: RPCError) -> ConsoleError {
        .input("\(error.code.name) (code \(error.code.rawValue)): \(error.message)")
    }

    package var description: String {
        switch self {
        case .usage(let text): "usage: \(text)\nrun `cspr help` for the commands"
        case .input(let text): text
        case .call(let error): "\(error.code.name) (code \(error.code.rawValue)): \(error.message)"
        }
    }
}
