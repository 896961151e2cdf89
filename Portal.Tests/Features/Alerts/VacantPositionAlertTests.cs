using Portal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.Admin.ActingOfficials;
using Portal.Features.Admin.Users;
using Portal.Features.Alerts;
using Portal.Tests.Infrastructure;
using static Portal.Domain.AlertLevel;

namespace Portal.Tests.Features.Alerts;

public sealed class VacantPositionAlertOnSqliteTests(VacantPositionAlertOnSqliteTests.App app) : VacantPositionAlertTests(app), IClassFixture<VacantPositionAlertOnSqliteTests.App>
{
    public sealed class App() : MailingAlertsApp(Start);
}

public sealed class VacantPositionAlertOnPostgreSqlTests(VacantPositionAlertOnPostgreSqlTests.App app)
    : VacantPositionAlertTests(app), IClassFixture<VacantPositionAlertOnPostgreSqlTests.App>, IRunsOnPostgreSql
{
    public sealed class App() : MailingAlertsApp(Start, provider: DatabaseProvider.PostgreSql);
}

/// <summary>
/// The Kepala Bidang PDIP and the Kepala Dinas have retired; the Sekretaris is Plt. Kepala Bidang PDIP and the
/// Kepala Bidang Dafduk is Plt. Kepala Dinas. The overdue scan and the daily digest reach them in those positions
/// while the appointments last, and stop after.
/// </summary>
public abstract class VacantPositionAlertTests(MailingAlertsApp app)
{
    protected static readonly DateTimeOffset Start = AlertsApp.Wita(2026, 11, 2, 8);

    private const string Sekretaris = "197811302002121001";   // Drs. Bambang Sutrisno
    private const string KabidPdipPosition = "Kepala Bidang Pemanfaatan Data dan Inovasi Pelayanan";

    [ProviderFact]
    public async Task The_Plt_of_a_vacant_position_receives_its_late_escalation_and_digest_until_the_appointment_ends()
    {
        // Mon 2 Nov: both retire; the appointments run to Fri 20 Nov.
        await RetireAsync(DemoPeople.KabidPdip);
        await RetireAsync(DemoPeople.KepalaDinas);
        await AppointAsync(KabidPdipPosition, Sekretaris, new DateTime(2026, 11, 20));
        await AppointAsync("Kepala Dinas", DemoPeople.KabidDafduk, new DateTime(2026, 11, 20));

        // Mon 9 Nov 10:00 at step 2 (2 hari), due Wed 11 Nov 16:00.
        var id = await app.StepTwoFromNextMondayAsync("Antrean daring perekaman KTP-el");

        app.SetWita(2026, 11, 12, 9);
        await app.ScanAsync();
        Assert.Equal(
            [new Alert(2, 1, Late, DemoPeople.FungsionalPdip), new Alert(2, 1, Late, Sekretaris)],
            (await app.AlertsAsync(id)).OrderByDescending(a => a.Nip));
        var late = await NotificationAsync(id, Late, Sekretaris);
        Assert.Null(late.OnBehalfOf);
        Assert.StartsWith($"Sebagai Plt. {KabidPdipPosition} (jabatan lowong): Langkah 2 (Konsep inovasi) melewati tenggat", late.Message);

        // Mon 16 Nov: late by three working days: escalated to the Plt. Kepala Dinas.
        app.SetWita(2026, 11, 16, 9);
        await app.ScanAsync();
        var escalation = await NotificationAsync(id, Escalation, DemoPeople.KabidDafduk);
        Assert.StartsWith("Sebagai Plt. Kepala Dinas (jabatan lowong): Langkah 2 (Konsep inovasi)", escalation.Message);
        Assert.DoesNotContain(await app.AlertsAsync(id), a => a.Nip is DemoPeople.KabidPdip or DemoPeople.KepalaDinas);

        // Tue 17 Nov 07:30: the morning digest of the bidang goes to its Plt., the dinas digest to the Plt. Kepala Dinas.
        app.SetWita(2026, 11, 17, 7, 30);
        await RunDigestAsync();
        var pdip = await BidangOfAsync(id);
        var bidangDigest = await DigestAsync(Sekretaris, new DateOnly(2026, 11, 17), DailyDigestJob.BidangScope(pdip));
        Assert.Contains($"Sebagai Plt. {KabidPdipPosition} (jabatan lowong).", bidangDigest.BodyText);
        Assert.Contains("Antrean daring perekaman KTP-el", bidangDigest.BodyText);
        var dinasDigest = await DigestAsync(DemoPeople.KabidDafduk, new DateOnly(2026, 11, 17), DailyDigestJob.DinasScope);
        Assert.Contains("Sebagai Plt. Kepala Dinas (jabatan lowong).", dinasDigest.BodyText);
        Assert.Contains("Antrean daring perekaman KTP-el", dinasDigest.BodyText);

        // Mon 23 Nov: the appointments have ended; a newly late step reaches neither of them, nor does the digest.
        var next = await app.StepTwoFromNextMondayAsync("Layanan akta kelahiran di rumah sakit");
        app.SetWita(2026, 11, 26, 9);
        await app.ScanAsync();
        Assert.Equal([new Alert(2, 1, Late, DemoPeople.FungsionalPdip)], await app.AlertsAsync(next));
        await RunDigestAsync();
        await using var db = app.CreateDbContext();
        var nov26 = new DateOnly(2026, 11, 26);
        Assert.False(await db.DigestDeliveries.AnyAsync(d => d.Date == nov26 && d.Scope == DailyDigestJob.BidangScope(pdip)));
        var formerPltKadis = await app.IdAsync(DemoPeople.KabidDafduk);
        Assert.False(await db.DigestDeliveries.AnyAsync(d => d.Date == nov26 && d.Scope == DailyDigestJob.DinasScope && d.RecipientId == formerPltKadis));
    }

    private async Task RetireAsync(string nip)
    {
        var result = await app.Get<UserAdministration>().SetActiveAsync(await app.IdAsync(nip), false, await app.IdAsync(DemoPeople.Administrator));
        Assert.True(result.Succeeded, result.Message);
    }

    private async Task AppointAsync(string positionName, string nip, DateTime end)
    {
        await using var db = app.CreateDbContext();
        var position = await db.Positions.Where(p => p.Name == positionName).Select(p => p.Id).SingleAsync();
        var today = Portal.Domain.OfficeZone.Wita.LocalDate(app.Clock.GetUtcNow()).ToDateTime(TimeOnly.MinValue);
        var result = await app.Get<SubstitutionAdministration>().AppointAsync(new SubstitutionForm
        {
            Kind = SubstitutionKind.Plt, ForVacantPosition = true, PositionId = position, SubstituteId = await app.IdAsync(nip), StartDate = today, EndDate = end,
        }, await app.IdAsync(DemoPeople.Administrator));
        Assert.True(result.Succeeded, result.Message);
    }

    private async Task RunDigestAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DailyDigestJob>().RunAsync(CancellationToken.None);
    }

    private async Task<Notification> NotificationAsync(int innovationId, Portal.Domain.AlertLevel level, string nip)
    {
        var userId = await app.IdAsync(nip);
        await using var db = app.CreateDbContext();
        return await db.Notifications.SingleAsync(n => n.InnovationId == innovationId && n.Level == level && n.RecipientId == userId);
    }

    private async Task<DigestDelivery> DigestAsync(string nip, DateOnly date, string scope)
    {
        var userId = await app.IdAsync(nip);
        await using var db = app.CreateDbContext();
        return await db.DigestDeliveries.SingleAsync(d => d.RecipientId == userId && d.Date == date && d.Scope == scope);
    }

    private async Task<int> BidangOfAsync(int innovationId)
    {
        await using var db = app.CreateDbContext();
        return await db.Innovations.Where(i => i.Id == innovationId).Select(i => i.BidangId).SingleAsync();
    }
}
