import Contract
import Foundation

/// `cspr call <service> <Method> [JSON | @file | -]`: any call, JSON in, JSON out.
enum CallCommand {
    static func run(_ session: Session) async throws {
        let line = session.line
        let service = try line.word(1, "cspr call <service> <Method> [JSON | @file | -]")
        let method = try line.word(2, "cspr call <service> <Method> [JSON | @file | -]")
        guard line.words.count <= 4 else { throw ConsoleError.usage("cspr call takes one request: JSON, @file or -") }
        let path = try MethodRegistry.path(service: service, method: method)
        let request = try RequestInput.read(line.words.count > 3 ? line.words[3] : nil, io: session.io)
        let reply = try await session.callRaw(try ServiceAddresses.identity(service), path: path, json: request)
        session.print(JSONOutput.text(raw: reply))
    }
}

/// `cspr methods [service]`: the registry.
enum MethodsCommand {
    static func run(_ session: Session) throws {
        let services = session.line.words.count > 1 ? [try ServiceAddresses.identity(session.line.words[1])] : ServiceIdentity.all
        let entries = services.flatMap { MethodRegistry.entries(of: $0.name) }
        if session.json {
            struct Row: Encodable {
                var service, name, path, request, response: String
                var roles: [String]
                /// The services that may call it as themselves (issue 17, item 8).
                var callers: [String]
            }
            session.print(
                JSONOutput.text(
                    entries.map {
                        Row(
                            service: $0.service.name, name: $0.name, path: $0.info.path, request: $0.requestType, response: $0.responseType,
                            roles: $0.info.roles.sorted(), callers: $0.info.callers.sorted())
                    }))
            return
        }
        var table = TextTable(["SERVICE", "METHOD", "PATH", "ROLES", "CALLERS"])
        for entry in entries {
            table.add([
                entry.service.name, entry.name, entry.info.path, entry.info.roles.sorted().joined(separator: ","),
                entry.info.callers.sorted().joined(separator: ","),
            ])
        }
        session.print(table.text)
    }
}
