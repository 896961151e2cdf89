using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.Admin.Users;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Admin;

public sealed class UserAdministrationTests(UserAdministrationTests.App app) : IClassFixture<UserAdministrationTests.App>
{
    public sealed class App() : PortalAppFactory();

    private UserAdministration Administration => app.Get<UserAdministration>();

    [Fact]
    public async Task A_new_person_gets_a_one_time_password_must_change_it_and_the_creation_is_audited()
    {
        var admin = await app.IdAsync(DemoPeople.Administrator);
        var form = new UserForm
        {
            Nip = " 199611102021092001 ", FullName = "Putri Ayu Lestari, S.Kom.", Jabatan = "Pranata Komputer Ahli Pertama",
            BidangId = await BidangIdAsync("PIAK"), PositionId = await PositionIdAsync("Pranata Komputer Ahli Muda"), Email = "putri@paserkab.go.id",
        };

        var result = await Administration.CreateAsync(form, admin);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(12, result.OneTimePassword!.Length);
        var user = await app.UserAsync("199611102021092001");
        Assert.True(user.MustChangePassword);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.True(await users.CheckPasswordAsync(user, result.OneTimePassword));
        Assert.Empty(await users.GetRolesAsync(user));
        Assert.Equal(await PositionIdAsync("Pranata Komputer Ahli Muda"), user.PositionId);
        await using var db = app.CreateDbContext();
        var audit = await db.AuditEntries.Where(a => a.Action == AuditActions.UserCreated).OrderBy(a => a.Id).LastAsync();
        Assert.Equal("Putri Ayu Lestari, S.Kom. (NIP 199611102021092001): Pranata Komputer Ahli Muda, Bidang Pengelolaan Informasi Administrasi Kependudukan", audit.Detail);
        Assert.Equal(admin, audit.ActorId);
        Assert.DoesNotContain(result.OneTimePassword, audit.Detail);
    }

    public static TheoryData<string, string> InvalidNewPeople => new()
    {
        { "19961110202109200", "NIP terdiri dari 18 angka." },
        { "1996111020210920AB", "NIP terdiri dari 18 angka." },
        { "199613102021092001", "8 angka pertama harus tanggal lahir" },
        { "199611102021093001", "angka ke-15 (jenis kelamin) harus 1 atau 2" },
        { DemoPeople.FungsionalPdip, $"NIP {DemoPeople.FungsionalPdip} sudah terdaftar." },
    };

    [Theory]
    [MemberData(nameof(InvalidNewPeople))]
    public async Task A_bad_or_taken_NIP_is_refused_with_a_message(string nip, string expected)
    {
        await using var before = app.CreateDbContext();
        var count = await before.Users.CountAsync();

        var result = await Administration.CreateAsync(
            new UserForm { Nip = nip, FullName = "Calon Pegawai", BidangId = await BidangIdAsync("PDIP"), PositionId = await PositionIdAsync("Analis Kebijakan Ahli Pertama") }, await app.IdAsync(DemoPeople.Administrator));

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Message);
        await using var after = app.CreateDbContext();
        Assert.Equal(count, await after.Users.CountAsync());
    }

    [Fact]
    public async Task A_second_active_holder_of_a_leading_position_is_refused_in_create_edit_and_reactivation()
    {
        var admin = await app.IdAsync(DemoPeople.Administrator);
        var pdip = await BidangIdAsync("PDIP");
        var kabidPosition = await PositionIdAsync("Kepala Bidang Pemanfaatan Data dan Inovasi Pelayanan");

        var created = await Administration.CreateAsync(new UserForm
        {
            Nip = "198502022010012003", FullName = "Kabid Kedua", BidangId = pdip, PositionId = kabidPosition,
        }, admin);
        Assert.False(created.Succeeded);
        Assert.Contains("Jabatan Kepala Bidang Pemanfaatan Data dan Inovasi Pelayanan sudah dipegang oleh Nurul Hidayah, S.E., M.M.", created.Message);

        var promoted = await Administration.UpdateAsync(await app.IdAsync(DemoPeople.FungsionalPdip2), new UserForm
        {
            Nip = DemoPeople.FungsionalPdip2, FullName = "Dewi Lestari, S.IP.", BidangId = pdip, PositionId = kabidPosition,
        }, admin);
        Assert.False(promoted.Succeeded);
        Assert.Contains("Satu jabatan pimpinan hanya dipegang satu orang", promoted.Message);

        // The old Kepala Bidang leaves, a new one takes over; the old one cannot simply come back.
        var kabid = await app.IdAsync(DemoPeople.KabidPdip);
        Assert.True((await Administration.SetActiveAsync(kabid, false, admin)).Succeeded);
        var successor = await Administration.UpdateAsync(await app.IdAsync(DemoPeople.FungsionalPdip2), new UserForm
        {
            Nip = DemoPeople.FungsionalPdip2, FullName = "Dewi Lestari, S.IP.", BidangId = pdip, PositionId = kabidPosition,
        }, admin);
        Assert.True(successor.Succeeded, successor.Message);
        var reactivated = await Administration.SetActiveAsync(kabid, true, admin);
        Assert.False(reactivated.Succeeded);
        Assert.Contains("Dewi Lestari", reactivated.Message);

        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.RoleChanged && a.Detail == $"Dewi Lestari, S.IP. (NIP {DemoPeople.FungsionalPdip2}): Analis Kebijakan Ahli Pertama → Kepala Bidang Pemanfaatan Data dan Inovasi Pelayanan"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.UserDeactivated && a.Detail!.Contains(DemoPeople.KabidPdip)));
    }

    [Fact]
    public async Task A_role_change_ends_the_persons_sessions_by_renewing_the_security_stamp()
    {
        var admin = await app.IdAsync(DemoPeople.Administrator);
        var before = await app.UserAsync("199012012015031006");

        var result = await Administration.UpdateAsync(before.Id, new UserForm
        {
            Nip = before.UserName!, FullName = before.FullName, Jabatan = before.Jabatan, BidangId = before.BidangId, Role = PortalRoles.Pemantau,
        }, admin);

        Assert.True(result.Succeeded, result.Message);
        Assert.NotEqual(before.SecurityStamp, (await app.UserAsync("199012012015031006")).SecurityStamp);
    }

    [Fact]
    public async Task Bad_requests_are_refused_and_change_nothing()
    {
        var admin = await app.IdAsync(DemoPeople.Administrator);
        var kadis = await app.IdAsync(DemoPeople.KepalaDinas);

        Assert.Equal("Anda tidak dapat menonaktifkan akun Anda sendiri.", (await Administration.SetActiveAsync(admin, false, admin)).Message);
        Assert.Equal("Anda tidak berwenang melakukan tindakan ini.", (await Administration.ResetPasswordAsync(admin, kadis)).Message);
        Assert.Equal("Pengguna tidak ditemukan.", (await Administration.UnlockAsync("tidak-ada", admin)).Message);
        Assert.Equal("Akun ini tidak sedang terkunci.", (await Administration.UnlockAsync(kadis, admin)).Message);
        var noPosition = await Administration.CreateAsync(new UserForm { Nip = "199701012023021009", FullName = "Tanpa Jabatan" }, admin);
        Assert.Equal("Pilih jabatan yang dipegang (atau peran Administrator/Pemantau untuk akun tanpa jabatan).", noPosition.Message);
        var wrongBidang = await Administration.CreateAsync(new UserForm
        {
            Nip = "199701012023021009", FullName = "Bidang Lain", BidangId = await BidangIdAsync("Dafduk"), PositionId = await PositionIdAsync("Analis Kebijakan Ahli Pertama"),
        }, admin);
        Assert.Equal("Jabatan Analis Kebijakan Ahli Pertama berada di Bidang Pemanfaatan Data dan Inovasi Pelayanan; pilih bidang yang sama untuk orang ini.", wrongBidang.Message);
        var own = await app.UserAsync(DemoPeople.Administrator);
        var demote = await Administration.UpdateAsync(admin, new UserForm { Nip = own.UserName!, FullName = own.FullName, BidangId = own.BidangId, Role = PortalRoles.Pemantau }, admin);
        Assert.Contains("tidak dapat mengubah peran akun Anda sendiri", demote.Message);
        Assert.True((await app.UserAsync(DemoPeople.Administrator)).IsActive);
    }

    private async Task<int> PositionIdAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Positions.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    private async Task<int> BidangIdAsync(string shortName)
    {
        await using var db = app.CreateDbContext();
        return await db.Bidang.Where(b => b.ShortName == shortName).Select(b => b.Id).SingleAsync();
    }
}
