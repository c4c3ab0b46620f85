/// What the transport does with a request once its head has arrived, before it keeps any byte of
/// its body. The layer above decides (it knows the credentials; the transport does not).
package enum RequestAdmission: Sendable, Equatable {
    /// Read the body and handle the request. `trusted` says the head carried a credential the
    /// layer above accepts: the connection then keeps the ordinary idle timeout and is never shed.
    case accept(trusted: Bool)
    /// Keep none of the body: the handler is called at once with an empty body and
    /// `HTTPRequest.bodyRefused` set, and answers with its refusal; the rest of the body is
    /// discarded as it arrives (HTTP/1.1) or the stream is reset once answered (HTTP/2).
    case refuseBody
}
