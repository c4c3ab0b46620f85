import H2

/// The headers every page a service serves carries (the gateway's dashboard, publication's
/// public listing): no scripts, styles from this origin only, no framing, forms back here.
package enum PageHeaders {
    /// No scripts at all, styles from this origin only, no framing, forms back to this origin.
    package static let contentSecurityPolicy = "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// The strict headers with `contentType` and `cacheControl` (`no-store` for anything that
    /// changes or holds case data).
    package static func secure(contentType: String, cacheControl: String = "no-store") -> HTTPFields {
        [
            "content-type": contentType,
            "content-security-policy": contentSecurityPolicy,
            "referrer-policy": "no-referrer",
            "x-content-type-options": "nosniff",
            "x-frame-options": "DENY",
            "cross-origin-opener-policy": "same-origin",
            "cross-origin-resource-policy": "same-origin",
            "cache-control": cacheControl,
        ]
    }
}
