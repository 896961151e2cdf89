using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Admin.ActingOfficials;
using Portal.Features.Admin.Users;
using Portal.Features.Reports;
using Portal.Features.Workflow;
using Portal.Tests.Features.Reports;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Admin;

/// <summary>
/// A position nobody holds (its Kepala Bidang retired) and a Plt. appointed for it: what the Plt. may do, for how long,
/// how it is recorded, and the appointments that are refused. Each test uses its own bidang of the demo office.
/// </summary>
public sealed class VacantPositionActingTests(VacantPositionActingTests.App app) : IClassFixture<VacantPositionActingTests.App>
{
    // Mon 7 Dec 2026 09:00 WITA.
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);

    public sealed class App() : PortalAppFactory(new TestClock(Monday));

    private const string Sekretaris = "197811302002121001";   // Drs. Bambang Sutrisno, Sekretaris Dinas
    private const string KabidPiak = "198203252008011005";     // Agus Prasetyo, S.Kom.
    private const string KabidCapil = "198107082006042001";    // Siti Aminah, S.H.
    private const string KasiCapil = "198506172010011012";     // Rahmat Hidayat, S.Sos.
    private const string FungsionalPiak = "198909232014021007"; // Yusuf Hakim, S.T.
    private const string KabidPdipPosition = "Kepala Bidang Pemanfaatan Data dan Inovasi Pelayanan";
    private const string KabidDafdukPosition = "Kepala Bidang Pelayanan Pendaftaran Penduduk";
    private const string KabidCapilPosition = "Kepala Bidang Pelayanan Pencatatan Sipil";
    private const string KabidPiakPosition = "Kepala Bidang Pengelolaan Informasi Administrasi Kependudukan";

    private TestClock Clock => (TestClock)app.Get<TimeProvider>();
    private SubstitutionAdministration Administration => app.Get<SubstitutionAdministration>();
    private WorkflowService Workflow => app.Get<WorkflowService>();

    [Fact]
    public async Task The_Plt_of_a_vacant_Kepala_Bidang_verifies_that_bidangs_step_as_Plt_inside_the_dates_only()
    {
        Clock.Now = Monday;
        var admin = await app.IdAsync(DemoPeople.Administrator);
        var plt = await app.IdAsync(Sekretaris);
        await RetireAsync(DemoPeople.KabidPdip);
        var position = await PositionIdAsync(KabidPdipPosition);

        var offered = Assert.Single(await Administration.VacantPositionsAsync(), v => v.Id == position);
        Assert.Contains(offered.Duties, d => d.Contains("langkah 3, 8") && d.Contains("Bidang Pemanfaatan Data dan Inovasi Pelayanan"));
        Assert.Contains(offered.Duties, d => d.Contains("ringkasan harian Bidang Pemanfaatan Data dan Inovasi Pelayanan"));
        Assert.DoesNotContain(await Administration.VacantPositionsAsync(), v => v.Name == KabidPiakPosition);

        var appointed = await Administration.AppointAsync(
            Vacancy(position, plt, new DateTime(2026, 12, 9), new DateTime(2026, 12, 11), "Surat Perintah Nomor 800/321/Disdukcapil"), admin);
        Assert.True(appointed.Succeeded, appointed.Message);
        Assert.Contains($"Plt. {KabidPdipPosition}", appointed.Message);
        var row = (await Administration.ListAsync()).Single(r => r.PositionName == KabidPdipPosition && r.SubstituteName == "Drs. Bambang Sutrisno");
        Assert.Equal((SubstitutionAdministration.VacantText, SubstitutionStatus.AkanDatang), (row.OnBehalfOfText, row.Status));

        var early = await AtStep3Async("Layanan akta kematian di desa");
        var inside = await AtStep3Async("Layanan KIA di posyandu");
        var otherBidang = await AtStep3Async("Layanan pindah datang di kecamatan", DemoPeople.FungsionalDafduk);
        var late = await AtStep3Async("Layanan KK di kelurahan");

        var beforeStart = await Workflow.MoveAsync(new MoveCommand(early.Id, early.Version, WorkflowActionKind.Advance), plt);
        // Before the start the Sekretaris is a Kepala Bidang of the Sekretariat only.
        Assert.False(beforeStart.Succeeded);
        Assert.Contains("milik bidang lain", beforeStart.Message);

        Clock.Now = new DateTimeOffset(2026, 12, 9, 2, 0, 0, TimeSpan.Zero); // Wed 9 Dec 10:00 WITA
        var verified = await Workflow.MoveAsync(new MoveCommand(inside.Id, inside.Version, WorkflowActionKind.Advance), plt);
        Assert.True(verified.Succeeded, verified.Message);
        var elsewhere = await Workflow.MoveAsync(new MoveCommand(otherBidang.Id, otherBidang.Version, WorkflowActionKind.Advance), plt);
        Assert.False(elsewhere.Succeeded);
        Assert.Contains("milik bidang lain", elsewhere.Message);
        var bidang = await BidangOfAsync(inside.Id);
        Assert.True(OfficeRules.MaySee(await ActorOnAsync(plt, new DateOnly(2026, 12, 9)), bidang));

        Clock.Now = new DateTimeOffset(2026, 12, 14, 1, 0, 0, TimeSpan.Zero); // Mon 14 Dec, after the end date
        var afterEnd = await Workflow.MoveAsync(new MoveCommand(late.Id, late.Version, WorkflowActionKind.Advance), plt);
        Assert.False(afterEnd.Succeeded);
        Assert.False(OfficeRules.MaySee(await ActorOnAsync(plt, new DateOnly(2026, 12, 14)), bidang));

        await using var db = app.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.InnovationId == inside.Id && a.FromStep == 3);
        Assert.Equal(($"Plt. {KabidPdipPosition} Drs. Bambang Sutrisno", (string?)null), (audit.ActorName, audit.OnBehalfOf));
        var run = await db.StepRuns.SingleAsync(r => r.InnovationId == inside.Id && r.StepNumber == 3);
        Assert.Equal(("Drs. Bambang Sutrisno", "Plt.", KabidPdipPosition, (string?)null), (run.FinishedByName, run.ActingTitle, run.ActingPosition, run.OnBehalfOf));
        Assert.Equal(4, (await db.Innovations.SingleAsync(i => i.Id == inside.Id)).CurrentStep);
        Assert.Equal([3, 3, 3], await db.Innovations.Where(i => i.Id == early.Id || i.Id == otherBidang.Id || i.Id == late.Id).Select(i => i.CurrentStep).ToListAsync());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Substitution
            && a.Detail!.StartsWith($"Plt. {KabidPdipPosition}: Drs. Bambang Sutrisno untuk jabatan yang lowong")));
    }

    [Fact]
    public async Task Once_someone_holds_the_position_again_the_Plt_stops()
    {
        Clock.Now = Monday;
        var admin = await app.IdAsync(DemoPeople.Administrator);
        var plt = await app.IdAsync(KabidPiak);
        await RetireAsync(DemoPeople.KabidDafduk);
        var position = await PositionIdAsync(KabidDafdukPosition);
        Assert.True((await Administration.AppointAsync(Vacancy(position, plt, new DateTime(2026, 12, 7), new DateTime(2027, 3, 31)), admin)).Succeeded);

        var first = await AtStep3Async("Perekaman KTP-el keliling", DemoPeople.FungsionalDafduk);
        var second = await AtStep3Async("Pencetakan KIA di sekolah", DemoPeople.FungsionalDafduk);
        var acted = await Workflow.MoveAsync(new MoveCommand(first.Id, first.Version, WorkflowActionKind.Advance), plt);
        Assert.True(acted.Succeeded, acted.Message);

        var bidang = await BidangOfAsync(first.Id);
        var created = await app.Get<UserAdministration>().CreateAsync(new UserForm
        {
            Nip = "197604142001121003", FullName = "Ir. Joko Susilo", BidangId = bidang, PositionId = position,
        }, admin);
        Assert.True(created.Succeeded, created.Message);

        var refused = await Workflow.MoveAsync(new MoveCommand(second.Id, second.Version, WorkflowActionKind.Advance), plt);
        Assert.False(refused.Succeeded);
        Assert.Contains("milik bidang lain", refused.Message);
        Assert.Equal(SubstitutionStatus.JabatanTerisi,
            (await Administration.ListAsync()).Single(r => r.PositionName == KabidDafdukPosition && r.SubstituteName == "Agus Prasetyo, S.Kom.").Status);
        Assert.DoesNotContain(await Administration.VacantPositionsAsync(), v => v.Id == position);
        var newHolder = await Workflow.MoveAsync(new MoveCommand(second.Id, second.Version, WorkflowActionKind.Advance), await app.IdAsync("197604142001121003"));
        Assert.True(newHolder.Succeeded, newHolder.Message);
    }

    [Fact]
    public async Task The_Plt_of_the_vacant_Kepala_Dinas_approves_and_signs_the_Laporan_as_Plt_Kepala_Dinas()
    {
        Clock.Now = Monday;
        await RetireAsync(DemoPeople.KepalaDinas);
        var plt = await app.IdAsync(Sekretaris);
        Assert.True((await Administration.AppointAsync(
            Vacancy(await PositionIdAsync("Kepala Dinas"), plt, new DateTime(2026, 12, 7), new DateTime(2026, 12, 8)), await app.IdAsync(DemoPeople.Administrator))).Succeeded);
        await using var db = app.CreateDbContext();
        var item = await db.Innovations.Where(i => i.Title == LaporanQueryTests.AtApprovalStep).Select(i => new { i.Id, i.Version }).SingleAsync();

        var approved = await Workflow.MoveAsync(new MoveCommand(item.Id, item.Version, WorkflowActionKind.Approve), plt);
        Assert.True(approved.Succeeded, approved.Message);

        var laporan = await app.Get<LaporanQuery>().LoadAsync(item.Id, plt);
        Assert.Null(laporan.Refusal);
        Assert.Equal(new LaporanApproval("Drs. Bambang Sutrisno", Sekretaris, Clock.Now, "Plt."), laporan.Data!.Approval);
        using var pdf = new PdfReadBack(LaporanPdf.Render(laporan.Data));
        Assert.Contains(PdfReadBack.Compact("Plt. Kepala Dinas Kependudukan dan Pencatatan Sipil"), pdf.CompactText);
        Assert.Equal("Plt. Kepala Dinas Drs. Bambang Sutrisno",
            await db.AuditEntries.Where(a => a.InnovationId == item.Id && a.Action == AuditActions.StepApproved && a.FromStep == 10).Select(a => a.ActorName).SingleAsync());
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "held", $"Jabatan {KabidPiakPosition} tidak lowong: dipegang oleh Agus Prasetyo, S.Kom." },
        { "overlap", $"Sudah ada Plt. {KabidCapilPosition} (Rahmat Hidayat, S.Sos., 04 Jan 2027 – 08 Jan 2027) yang beririsan" },
        { "end-before-start", "Tanggal selesai tidak boleh sebelum tanggal mulai." },
        { "self", "Pengganti tidak boleh orang yang sama dengan pejabat yang digantikan." },
        { "unknown-position", "Jabatan tidak ditemukan." },
        { "unknown-substitute", "Pejabat pengganti tidak ditemukan." },
        { "no-position", "Pilih jabatan yang lowong." },
        { "plh", "Jabatan lowong diisi oleh Plt." },
        { "former-holder", "Siti Aminah, S.H. tidak aktif dan tidak dapat menjadi pengganti." },
        { "past", "Tanggal selesai sudah lewat" },
        { "kabid-appoints", "Anda tidak berwenang" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task An_invalid_appointment_for_a_vacant_position_is_refused_in_words_and_nothing_is_stored(string problem, string expected)
    {
        Clock.Now = Monday;
        var admin = await app.IdAsync(DemoPeople.Administrator);
        await RetireAsync(KabidCapil);
        var capil = await PositionIdAsync(KabidCapilPosition);
        var substitute = await app.IdAsync(FungsionalPiak);
        var dec9 = new DateTime(2026, 12, 9);
        var dec10 = new DateTime(2026, 12, 10);
        if (problem == "overlap")
            Assert.True((await Administration.AppointAsync(Vacancy(capil, await app.IdAsync(KasiCapil), new DateTime(2027, 1, 4), new DateTime(2027, 1, 8)), admin)).Succeeded);
        var form = problem switch
        {
            "held" => Vacancy(await PositionIdAsync(KabidPiakPosition), substitute, dec9, dec10),
            "overlap" => Vacancy(capil, substitute, new DateTime(2027, 1, 8), new DateTime(2027, 1, 12)),
            "end-before-start" => Vacancy(capil, substitute, dec10, dec9),
            "self" => new SubstitutionForm
            {
                Kind = SubstitutionKind.Plt, PrincipalId = await app.IdAsync(KabidPiak), SubstituteId = await app.IdAsync(KabidPiak), StartDate = dec9, EndDate = dec10,
            },
            "unknown-position" => Vacancy(987654, substitute, dec9, dec10),
            "unknown-substitute" => Vacancy(capil, "bukan-pengguna", dec9, dec10),
            "no-position" => Vacancy(null, substitute, dec9, dec10),
            "plh" => Vacancy(capil, substitute, dec9, dec10, kind: SubstitutionKind.Plh),
            "former-holder" => Vacancy(capil, await app.IdAsync(KabidCapil), dec9, dec10),
            "past" => Vacancy(capil, substitute, new DateTime(2026, 12, 1), new DateTime(2026, 12, 4)),
            _ => Vacancy(capil, substitute, dec9, dec10),
        };
        var actor = problem == "kabid-appoints" ? await app.IdAsync(KabidPiak) : admin;
        var (substitutions, audits) = await CountsAsync();

        var result = await Administration.AppointAsync(form, actor);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Message);
        Assert.Equal((substitutions, audits), await CountsAsync());
    }

    private static SubstitutionForm Vacancy(int? positionId, string substitute, DateTime start, DateTime end, string? note = null,
        SubstitutionKind kind = SubstitutionKind.Plt) => new()
    {
        Kind = kind, ForVacantPosition = true, PositionId = positionId, SubstituteId = substitute, StartDate = start, EndDate = end, Note = note,
    };

    /// <summary>The holder leaves the office: the administrator deactivates the account (once; later tests find it done).</summary>
    private async Task RetireAsync(string nip)
    {
        var user = await app.UserAsync(nip);
        if (!user.IsActive) return;
        var result = await app.Get<UserAdministration>().SetActiveAsync(user.Id, false, await app.IdAsync(DemoPeople.Administrator));
        Assert.True(result.Succeeded, result.Message);
    }

    private async Task<int> PositionIdAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Positions.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    private async Task<int> BidangOfAsync(int innovationId)
    {
        await using var db = app.CreateDbContext();
        return await db.Innovations.Where(i => i.Id == innovationId).Select(i => i.BidangId).SingleAsync();
    }

    private async Task<WorkflowActor> ActorOnAsync(string userId, DateOnly day)
    {
        await using var db = app.CreateDbContext();
        return (await ActorDirectory.ResolveAsync(db, userId, day))!;
    }

    private async Task<(int Substitutions, int Audits)> CountsAsync()
    {
        await using var db = app.CreateDbContext();
        return (await db.Substitutions.CountAsync(), await db.AuditEntries.CountAsync());
    }

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
