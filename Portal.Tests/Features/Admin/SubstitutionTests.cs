using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Admin.ActingOfficials;
using Portal.Features.Workflow;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Admin;

public sealed class SubstitutionTests(SubstitutionTests.App app) : IClassFixture<SubstitutionTests.App>
{
    // Mon 7 Dec 2026 09:00 WITA.
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);

    public sealed class App() : PortalAppFactory(new TestClock(Monday));

    private TestClock Clock => (TestClock)app.Get<TimeProvider>();
    private SubstitutionAdministration Administration => app.Get<SubstitutionAdministration>();
    private WorkflowService Workflow => app.Get<WorkflowService>();

    [Fact]
    public async Task Inside_the_range_the_Plh_advances_the_principals_step_on_their_behalf_and_before_or_after_is_refused()
    {
        Clock.Now = Monday;
        var kabid = await app.IdAsync(DemoPeople.KabidPdip);
        var plh = await app.IdAsync(DemoPeople.FungsionalPdip2);
        var appointed = await Administration.AppointAsync(new SubstitutionForm
        {
            Kind = SubstitutionKind.Plh,
            PrincipalId = kabid,
            SubstituteId = plh,
            StartDate = new DateTime(2026, 12, 9),
            EndDate = new DateTime(2026, 12, 10),
            Note = "Kepala Bidang dinas luar ke Samarinda",
        }, await app.IdAsync(DemoPeople.Administrator));
        Assert.True(appointed.Succeeded, appointed.Message);
        Assert.Contains("Plh. Kepala Bidang Pemanfaatan Data dan Inovasi Pelayanan", appointed.Message);

        var before = await AtStep3Async("Layanan akta di kelurahan");
        var inside = await AtStep3Async("Layanan KIA di posyandu");
        var after = await AtStep3Async("Layanan KK di kecamatan");

        var refusedBefore = await Workflow.MoveAsync(new MoveCommand(before.Id, before.Version, WorkflowActionKind.Advance), plh);
        Assert.False(refusedBefore.Succeeded);
        Assert.Contains("tugas Kepala Bidang", refusedBefore.Message);

        Clock.Now = new DateTimeOffset(2026, 12, 9, 2, 0, 0, TimeSpan.Zero); // Wed 9 Dec 10:00 WITA
        var moved = await Workflow.MoveAsync(new MoveCommand(inside.Id, inside.Version, WorkflowActionKind.Advance), plh);
        Assert.True(moved.Succeeded, moved.Message);

        Clock.Now = new DateTimeOffset(2026, 12, 11, 2, 0, 0, TimeSpan.Zero); // Fri 11 Dec, the day after the range
        var refusedAfter = await Workflow.MoveAsync(new MoveCommand(after.Id, after.Version, WorkflowActionKind.Advance), plh);
        Assert.False(refusedAfter.Succeeded);

        await using var db = app.CreateDbContext();
        var audit = await db.AuditEntries.Where(a => a.InnovationId == inside.Id && a.FromStep == 3).SingleAsync();
        Assert.Equal("Plh. Kepala Bidang Pemanfaatan Data dan Inovasi Pelayanan Dewi Lestari, S.IP. (atas nama Nurul Hidayah, S.E., M.M.)", audit.ActorName);
        Assert.Equal("Nurul Hidayah, S.E., M.M.", audit.OnBehalfOf);
        Assert.Equal(4, (await db.Innovations.SingleAsync(i => i.Id == inside.Id)).CurrentStep);
        Assert.Equal(3, (await db.Innovations.SingleAsync(i => i.Id == after.Id)).CurrentStep);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Substitution && a.Detail!.Contains("Dewi Lestari, S.IP. atas nama Nurul Hidayah")));
    }

    [Fact]
    public async Task A_revoked_appointment_stops_at_once_and_is_audited()
    {
        Clock.Now = Monday;
        var kadis = await app.IdAsync(DemoPeople.KepalaDinas);
        var principal = await app.IdAsync(DemoPeople.KabidDafduk);
        var substitute = await app.IdAsync("198203252008011005"); // Agus Prasetyo, Kepala Bidang PIAK
        var appointed = await Administration.AppointAsync(Form(principal, substitute, new DateTime(2026, 12, 7), new DateTime(2026, 12, 18)), kadis);
        Assert.True(appointed.Succeeded, appointed.Message);
        var innovation = await AtStep3Async("Layanan pindah datang daring", DemoPeople.FungsionalDafduk);

        var id = (await Administration.ListAsync()).Single(r => r.SubstituteName.StartsWith("Agus") && r.Status == SubstitutionStatus.Berlaku).Id;
        var revoked = await Administration.RevokeAsync(id, kadis);
        Assert.True(revoked.Succeeded, revoked.Message);

        var refused = await Workflow.MoveAsync(new MoveCommand(innovation.Id, innovation.Version, WorkflowActionKind.Advance), substitute);
        Assert.False(refused.Succeeded);
        Assert.Equal(SubstitutionStatus.Dicabut, (await Administration.ListAsync()).Single(r => r.Id == id).Status);
        Assert.False((await Administration.RevokeAsync(id, kadis)).Succeeded);
        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SubstitutionRevoked && a.ActorId == kadis));
    }

    public static TheoryData<string, string> InvalidAppointments => new()
    {
        { "end-before-start", "Tanggal selesai tidak boleh sebelum tanggal mulai." },
        { "self", "Pengganti tidak boleh orang yang sama" },
        { "inactive", "tidak aktif dan tidak dapat menjadi pengganti" },
        { "no-sop-role", "tidak memegang jabatan" },
        { "past", "Tanggal selesai sudah lewat" },
        { "overlap", "beririsan dengan tanggal ini" },
        { "kabid-appoints", "Anda tidak berwenang" },
    };

    [Theory]
    [MemberData(nameof(InvalidAppointments))]
    public async Task An_invalid_appointment_is_refused_with_a_message_and_nothing_is_stored(string problem, string expected)
    {
        Clock.Now = Monday;
        var admin = await app.IdAsync(DemoPeople.Administrator);
        var kadis = await app.IdAsync(DemoPeople.KepalaDinas);
        var kabid = await app.IdAsync("198107082006042001"); // Siti Aminah, Capil
        var fungsional = await app.IdAsync("199106142017082002"); // Maya Sari, Capil
        if (problem == "overlap")
            Assert.True((await Administration.AppointAsync(Form(kadis, kabid, new DateTime(2027, 1, 4), new DateTime(2027, 1, 8)), admin)).Succeeded);
        if (problem == "inactive")
        {
            await using var setup = app.CreateDbContext();
            await setup.Users.Where(u => u.Id == fungsional).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));
        }
        var form = problem switch
        {
            "end-before-start" => Form(kabid, fungsional, new DateTime(2026, 12, 10), new DateTime(2026, 12, 9)),
            "self" => Form(kabid, kabid, new DateTime(2026, 12, 9), new DateTime(2026, 12, 10)),
            "no-sop-role" => Form(admin, fungsional, new DateTime(2026, 12, 9), new DateTime(2026, 12, 10)),
            "past" => Form(kabid, fungsional, new DateTime(2026, 12, 1), new DateTime(2026, 12, 4)),
            "overlap" => Form(kadis, await app.IdAsync(DemoPeople.KabidPdip), new DateTime(2027, 1, 8), new DateTime(2027, 1, 12)),
            _ => Form(kabid, fungsional, new DateTime(2026, 12, 9), new DateTime(2026, 12, 10)),
        };
        var actor = problem == "kabid-appoints" ? kabid : admin;
        await using var before = app.CreateDbContext();
        var count = await before.Substitutions.CountAsync();

        var result = await Administration.AppointAsync(form, actor);

        if (problem == "inactive")
        {
            await using var restore = app.CreateDbContext();
            await restore.Users.Where(u => u.Id == fungsional).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, true));
        }
        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Message);
        await using var after = app.CreateDbContext();
        Assert.Equal(count, await after.Substitutions.CountAsync());
    }

    private static SubstitutionForm Form(string principal, string substitute, DateTime start, DateTime end) => new()
    {
        Kind = SubstitutionKind.Plh, PrincipalId = principal, SubstituteId = substitute, StartDate = start, EndDate = end,
    };

    /// <summary>A new innovation walked to step 3 (Verifikasi Kabid) by its proposer.</summary>
    private async Task<(int Id, long Version)> AtStep3Async(string title, string proposerNip = DemoPeople.FungsionalPdip)
    {
        var proposer = await app.IdAsync(proposerNip);
        var created = await Workflow.CreateAsync(WorkflowServiceTests.Details(title), proposer);
        Assert.True(created.Succeeded, created.Message);
        var version = created.Version!.Value;
        for (var step = 1; step <= 2; step++)
        {
            await app.AttachAsync(created.InnovationId!.Value, proposer);
            var moved = await Workflow.MoveAsync(new MoveCommand(created.InnovationId!.Value, version, WorkflowActionKind.Advance), proposer);
            Assert.True(moved.Succeeded, moved.Message);
            version = moved.Version!.Value;
        }
        return (created.InnovationId!.Value, version);
    }
}
