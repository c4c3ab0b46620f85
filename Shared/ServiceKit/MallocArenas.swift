#if canImport(Glibc)
    import Glibc

    /// glibc's `mallopt`: <malloc.h> is not in the Glibc module, so it is declared here by name.
    @_silgen_name("mallopt")
    private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32

    /// glibc gives each thread that allocates its own arena (up to 8 per core); with event loops,
    /// database and compute threads, freed memory then stays spread over many of them. Two arenas
    /// keep a service's resident memory near what it uses (issue 12: RSS < 64 MB loaded).
    enum MallocArenas {
        /// `M_ARENA_MAX` in <malloc.h>.
        private static let arenaMax: Int32 = -8

        /// Limits the arenas to two; call once, before the threads start.
        static func limit() { _ = glibcMallopt(arenaMax, 2) }
    }
#else
    enum MallocArenas {
        static func limit() {}
    }
#endif
