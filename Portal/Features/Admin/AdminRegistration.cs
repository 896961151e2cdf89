using Portal.Features.Admin.ActingOfficials;
using Portal.Features.Admin.Audit;
using Portal.Features.Admin.Divisions;
using Portal.Features.Admin.Holidays;
using Portal.Features.Admin.Office;
using Portal.Features.Admin.Settings;
using Portal.Features.Admin.SopImport;
using Portal.Features.Admin.SopEditor;
using Portal.Features.Admin.Users;

namespace Portal.Features.Admin;

public static class AdminRegistration
{
    public static WebApplicationBuilder AddAdministration(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<UserAdministration>();
        builder.Services.AddSingleton<Positions.PositionDirectory>();
        builder.Services.AddSingleton<Positions.PositionAdministration>();
        builder.Services.AddSingleton<UserQueries>();
        builder.Services.AddSingleton<SubstitutionAdministration>();
        builder.Services.AddSingleton<BidangAdministration>();
        builder.Services.AddSingleton<HolidayAdministration>();
        builder.Services.AddSingleton<SopAdministration>();
        builder.Services.AddSingleton<SopImportAdministration>();
        builder.Services.AddSingleton<SettingsAdministration>();
        builder.Services.AddSingleton<OfficeProfileAdministration>();
        builder.Services.AddSingleton<AuditQueries>();
        return builder;
    }
}
