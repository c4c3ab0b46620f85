import Testing

/// Peers we did not write (Python grpcio, grpcio-health-checking, h2, curl) against our server
/// and client, and bad input. One test at a time: they start processes and servers on machines
/// with few cores.
@Suite("Interop", .serialized)
struct InteropTests {}

/// Clients that misbehave on purpose: one test at a time, as their own line beside `Interop`
/// (each line keeps a core busy; the two together no more than the other suites would), since
/// their tests watch the server's own timeouts.
@Suite("Misbehaving peers", .serialized)
struct MisbehavingPeerTests {}
