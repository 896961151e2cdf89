using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Admin.Holidays;
using Portal.Features.Board;
using Portal.Features.Workflow;
using Portal.Tests.Features.Alerts;
using Portal.Tests.Infrastructure;
using static Portal.Domain.WorkflowActionKind;

namespace Portal.Tests.Features.Admin;

/// <summary>
/// December 2026, with only the 2026 holidays stored: a step that runs into the new year is due too early until next
/// year's list is entered; entering (or changing) holidays moves the due dates of running steps at once, audited, and
/// the boards show them. Expected due dates are counted by hand in the comments.
/// </summary>
public sealed class HolidayDueDateTests(HolidayDueDateTests.App app) : IClassFixture<HolidayDueDateTests.App>
{
    public sealed class App() : AlertsApp(Wita(2026, 12, 28, 8));

    private const string Fungsional = DemoPeople.FungsionalPdip;
    private const string Kabid = DemoPeople.KabidPdip;
    private const string Kadis = DemoPeople.KepalaDinas;

    /// <summary>Only the holidays whose dates are fixed by law (the real SKB 2027 names more), in the SKB's own layout.</summary>
    private const string Skb2027 = """
        HARI LIBUR NASIONAL DAN CUTI BERSAMA TAHUN 2027
        I. LIBUR NASIONAL
        1.	Jumat, 1 Januari 2027	Tahun Baru 2027 Masehi
        2.	Sabtu, 1 Mei 2027	Hari Buruh Internasional
        3.	Selasa, 1 Juni 2027	Hari Lahir Pancasila
        4.	Selasa, 17 Agustus 2027	Hari Kemerdekaan Republik Indonesia
        5.	Sabtu, 25 Desember 2027	Hari Raya Natal
        II. CUTI BERSAMA
        1.	Jumat, 24 Desember 2027	Cuti Bersama Hari Raya Natal
        """;

    private HolidayAdministration Holidays => app.Get<HolidayAdministration>();

    [Fact]
    public async Task A_five_day_step_started_28_December_moves_when_2027_is_imported_and_when_a_cuti_bersama_is_declared_or_removed()
    {
        var admin = await app.IdAsync(DemoPeople.Administrator);
        // Monday 28 December: created at 09:00, at step 6 (1 minggu = 5 hari kerja) from 10:00.
        app.SetWita(2026, 12, 28, 9);
        var id = await app.CreateInnovationAsync("Aktivasi IKD di desa");
        await app.MoveAsync(id, Fungsional, Advance);
        await app.MoveAsync(id, Fungsional, Advance);
        await app.MoveAsync(id, Kabid, Advance);
        await app.MoveAsync(id, Kadis, Advance);
        app.SetWita(2026, 12, 28, 10);
        await app.MoveAsync(id, Kadis, Approve);

        // Without 2027 holidays: 29, 30, 31 Dec, Fri 1 Jan (counted as working), Mon 4 Jan.
        Assert.Equal(Wita(2027, 1, 4, 16), await OpenDueAsync(id, step: 6));
        var firstStepDue = await FinishedDueAsync(id, step: 1);
        Assert.Equal(Wita(2027, 1, 4, 16), (await app.Get<BoardSnapshots>().GetAsync(await app.InnovationSopIdAsync())).Find(id)!.DueAt);

        var preview = await Holidays.PreviewAsync(2027, "skb-2027.txt", Skb2027);
        Assert.True(preview.Succeeded, preview.Error);
        Assert.Equal(5, preview.Holidays.Count(h => h.Kind == HolidayKind.LiburNasional));
        var imported = await WhenBoardShowsAsync(id, Wita(2027, 1, 5, 16),
            () => Holidays.ImportAsync(2027, preview.Holidays, "skb-2027.txt", admin));

        // 1 January 2027 is a holiday now: 29, 30, 31 Dec, Mon 4, Tue 5 Jan.
        Assert.True(imported.Succeeded, imported.Message);
        Assert.Contains("Tenggat", imported.Message);
        Assert.False((await app.Get<CalendarProvider>().GetAsync()).IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.Equal(Wita(2027, 1, 5, 16), await OpenDueAsync(id, step: 6));
        Assert.Equal(firstStepDue, await FinishedDueAsync(id, step: 1));
        Assert.Equal("Tenggat langkah 6 berubah dari 04 Jan 2027 16.00 WITA menjadi 05 Jan 2027 16.00 WITA karena daftar hari libur diubah.",
            await LastRecomputationAsync(id));
        using (var proposer = await app.SignedInClientAsync(Fungsional))
        {
            var detail = await (await proposer.GetAsync($"/inovasi/{id}")).HtmlAsync();
            Assert.Contains("Tenggat langkah 6 berubah dari 04 Jan 2027 16.00 WITA menjadi 05 Jan 2027 16.00 WITA", detail);
        }

        // A cuti bersama declared for 31 December: 29, 30 Dec, 4, 5, 6 Jan.
        var added = await WhenBoardShowsAsync(id, Wita(2027, 1, 6, 16), () => Holidays.SaveAsync(
            new HolidayForm { Date = new DateTime(2026, 12, 31), Name = "Cuti Bersama Tahun Baru", Kind = HolidayKind.CutiBersama }, admin));
        Assert.True(added.Succeeded, added.Message);
        Assert.Equal(Wita(2027, 1, 6, 16), await OpenDueAsync(id, step: 6));

        // Withdrawn again: back to Tuesday 5 January.
        var row = (await Holidays.ListAsync(2026)).Single(h => h.Date == new DateOnly(2026, 12, 31));
        var deleted = await WhenBoardShowsAsync(id, Wita(2027, 1, 5, 16), () => Holidays.DeleteAsync(row.Id, admin));
        Assert.True(deleted.Succeeded, deleted.Message);
        Assert.Equal(Wita(2027, 1, 5, 16), await OpenDueAsync(id, step: 6));
        Assert.Equal(3, await RecomputationCountAsync(id));
    }

    [Fact]
    public async Task A_refused_holiday_change_moves_no_due_date_and_writes_no_audit_row()
    {
        var id = await app.CreateInnovationAsync("Dokumen kependudukan antar rumah");
        var due = await OpenDueAsync(id, step: 1);

        var refused = await Holidays.SaveAsync(
            new HolidayForm { Date = new DateTime(2026, 12, 30), Name = "Libur yang tidak sah", Kind = HolidayKind.CutiBersama },
            await app.IdAsync(DemoPeople.KepalaDinas));

        Assert.False(refused.Succeeded);
        Assert.Equal(due, await OpenDueAsync(id, step: 1));
        Assert.Equal(0, await RecomputationCountAsync(id));
        Assert.True((await app.Get<CalendarProvider>().GetAsync()).IsWorkingDay(new DateOnly(2026, 12, 30)));
    }

    /// <summary>Runs the change and waits (bounded) for the shared board snapshot to show the due date, pushed by the change itself.</summary>
    private async Task<T> WhenBoardShowsAsync<T>(int id, DateTimeOffset due, Func<Task<T>> change)
    {
        var boards = app.Get<BoardSnapshots>();
        var sopId = await app.InnovationSopIdAsync();
        await boards.GetAsync(sopId);
        var shown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = boards.Subscribe(sopId, update =>
        {
            if (update.Snapshot.Find(id)?.DueAt == due) shown.TrySetResult();
            return Task.CompletedTask;
        });
        var result = await change();
        // The fake clock never reaches the board's minute re-read: only the published change can bring this.
        await shown.Task.WaitAsync(TimeSpan.FromSeconds(20));
        return result;
    }

    private async Task<DateTimeOffset?> OpenDueAsync(int id, int step)
    {
        await using var db = app.CreateDbContext();
        return await db.StepRuns.Where(r => r.InnovationId == id && r.StepNumber == step && r.FinishedAt == null).Select(r => r.DueAt).SingleAsync();
    }

    private async Task<DateTimeOffset?> FinishedDueAsync(int id, int step)
    {
        await using var db = app.CreateDbContext();
        return await db.StepRuns.Where(r => r.InnovationId == id && r.StepNumber == step && r.FinishedAt != null).Select(r => r.DueAt).SingleAsync();
    }

    private async Task<string?> LastRecomputationAsync(int id)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.Where(a => a.InnovationId == id && a.Action == AuditActions.DueDateRecomputed)
            .OrderByDescending(a => a.Id).Select(a => a.Detail).FirstAsync();
    }

    private async Task<int> RecomputationCountAsync(int id)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.CountAsync(a => a.InnovationId == id && a.Action == AuditActions.DueDateRecomputed);
    }

    private static DateTimeOffset Wita(int year, int month, int day, int hour) => AlertsApp.Wita(year, month, day, hour);
}
