import Contract
import Foundation
import H2
import RPC
import ServiceKit

/// The dashboard's sign-in: the panel's token from the tokens file, as the password of HTTP
/// Basic (what a browser sends) or as a bearer token (what scripts send), and a viewer's role.
enum PanelAuthentication {
    /// Why a request was refused.
    enum Refusal: Error, Equatable {
        /// No credentials, or a malformed Authorization header (401).
        case missing
        /// A token the tokens file does not know (401).
        case unknownToken
        /// Known, without one of `GatewayAPI.viewerRoles` (403).
        case notAViewer(String)
    }

    /// The principal of `headers`' credentials, if it may see the dashboard.
    static func authenticate(_ headers: HTTPFields, tokens: TokensFile) -> Result<Principal, Refusal> {
        guard let token = token(from: headers["authorization"]) else { return .failure(.missing) }
        guard let principal = tokens.principal(for: token) else { return .failure(.unknownToken) }
        guard !principal.roles.isDisjoint(with: GatewayAPI.viewerRoles) else { return .failure(.notAViewer(principal.name)) }
        return .success(principal)
    }

    /// The token of `Bearer <token>`, or of `Basic base64(user:token)` (the password; the user
    /// name when the password is empty, as `curl -u TOKEN:` sends).
    static func token(from header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        let scheme = parts[0].lowercased()
        let value = parts[1].trimmingCharacters(in: .whitespaces)
        switch scheme {
        case "bearer":
            return value.isEmpty ? nil : value
        case "basic":
            guard let data = Data(base64Encoded: value), let pair = String(data: data, encoding: .utf8),
                let colon = pair.firstIndex(of: ":")
            else { return nil }
            let user = String(pair[..<colon])
            let password = String(pair[pair.index(after: colon)...])
            let token = password.isEmpty ? user : password
            return token.isEmpty ? nil : token
        default:
            return nil
        }
    }
}
