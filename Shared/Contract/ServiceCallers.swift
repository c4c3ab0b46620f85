import RPC

extension Method {
    /// A method the stack's services call (issue 17, item 8): `callers` are the services that
    /// may, each calling as itself (its principal in the tokens file is its name), besides any
    /// people's `roles`. The role `service` is added to `roles`; a service not named in
    /// `callers` is refused (`PERMISSION_DENIED`) however it holds that role.
    package init(service: String, name: String, roles: Set<String> = [], callers: [ServiceIdentity]) {
        self.init(service: service, name: name, roles: roles.union([Role.service.rawValue]), callers: Set(callers.map(\.name)))
    }
}
