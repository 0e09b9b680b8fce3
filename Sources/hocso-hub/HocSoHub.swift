import ArgumentParser
import CommandSupport

/// `hocso-hub`: a district or province hub — centres, imports, the server and its dashboard,
/// pushing upstream, areas, coordinator accounts and reports.
@main
struct HocSoHub: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hocso-hub",
        abstract: "HocSo — trạm tổng hợp huyện, tỉnh. HocSo's district and province hub.",
        version: HocSoVersion.current,
        subcommands: [
            InitCommand.self, CentersCommand.self, ImportCommand.self, ServeCommand.self, PushCommand.self,
            UpstreamsCommand.self, AreasCommand.self, UsersCommand.self, HubReportCommand.self, MigrateCommand.self,
            RollupsCommand.self, HubCertCommand.self,
        ])
}
