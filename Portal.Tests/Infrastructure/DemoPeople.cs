using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Tests.Infrastructure;

/// <summary>Looks up the seeded demo people by role and bidang, so tests read like the SOP.</summary>
public static class DemoPeople
{
    public const string FungsionalPdip = "199204172019031008";      // Rizky Ramadhan, Bidang PDIP
    public const string FungsionalPdip2 = "199308092020122003";     // Dewi Lestari, Bidang PDIP
    public const string FungsionalDafduk = "199012012015031006";    // Fajar Nugroho, Bidang Dafduk
    public const string KabidPdip = "198001202005011003";           // Nurul Hidayah
    public const string KabidDafduk = "197905122003121002";         // Hendra Gunawan
    public const string KepalaDinas = "197203151998031004";         // Rahmawati Saleh
    public const string Administrator = "198512102010011009";
    public const string Pemantau = "199701012023021001";

    public static async Task<string> IdAsync(this PortalAppFactory app, string nip)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.UserName == nip).Select(u => u.Id).SingleAsync();
    }

    public static async Task<PortalUser> UserAsync(this PortalAppFactory app, string nip)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.UserName == nip);
    }
}
