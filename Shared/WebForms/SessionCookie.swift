import H2

/// The session cookie: `HttpOnly` (no script reads it; the pages run none anyway),
/// `SameSite=Strict` (no other site's link or form sends it), `Path=/`, and over TLS `Secure`
/// with the `__Host-` name. No `Max-Age`: it ends with the browser or the server's session.
enum SessionCookie {
    /// The `Set-Cookie` value that gives the browser its session.
    static func set(_ value: String, _ settings: SessionSettings) -> String {
        "\(settings.cookieName)=\(value); Path=/; HttpOnly; SameSite=Strict" + (settings.overTLS ? "; Secure" : "")
    }

    /// The `Set-Cookie` value that removes it (sign-out, an ended session).
    static func clear(_ settings: SessionSettings) -> String {
        "\(settings.cookieName)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" + (settings.overTLS ? "; Secure" : "")
    }

    /// The session cookie's value in a request's `Cookie` header(s), if any.
    static func value(in headers: HTTPFields, _ settings: SessionSettings) -> String? {
        for field in headers where field.name == "cookie" {
            for pair in field.value.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == settings.cookieName {
                    return parts[1].trimmingCharacters(in: .whitespaces)
                }
            }
        }
        return nil
    }
}
