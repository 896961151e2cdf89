using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Features.Innovations;
using Portal.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>
/// The demo is seeded relative to the moment the portal first starts. Whatever that moment is (before dawn,
/// a weekend, New Year's Eve, the Idul Fitri holidays), its history must lie in the past and in order, it
/// must still show every kind of card, and a new user's first drag must succeed.
/// </summary>
public sealed class DemoDataTimelineTests
{
    public static TheoryData<string> Instants => new()
    {
        nameof(TestInstants.OrdinaryWednesday), nameof(TestInstants.MondayBeforeDawn), nameof(TestInstants.Saturday),
        nameof(TestInstants.NewYearsEve), nameof(TestInstants.IdulFitriHolidays),
    };

    [Theory]
    [MemberData(nameof(Instants))]
    public async Task Every_instant_of_the_demo_history_is_at_or_before_the_seeding_moment_and_in_order(string instant)
    {
        var now = TestInstants.Named(instant);
        await using var app = new PortalAppFactory(new TestClock(now));
        await using var db = app.CreateDbContext();

        var runs = await db.StepRuns.AsNoTracking().ToListAsync();
        var audit = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        var innovations = await db.Innovations.AsNoTracking().ToListAsync();
        var attachments = await db.Attachments.AsNoTracking().ToListAsync();
        var accounts = await db.Users.AsNoTracking().Select(u => u.CreatedAt).ToListAsync();
        Assert.NotEmpty(runs);
        Assert.NotEmpty(attachments);

        Assert.All(runs, r => Assert.True(r.StartedAt <= now && (r.FinishedAt ?? now) <= now && r.StartedAt <= (r.FinishedAt ?? now),
            $"Step {r.StepNumber} of innovation {r.InnovationId}: {Wita(r.StartedAt)} – {Wita(r.FinishedAt)}, now {Wita(now)}"));
        Assert.All(audit, a => Assert.True(a.At <= now, $"Audit '{a.Action}' at {Wita(a.At)}, now {Wita(now)}"));
        Assert.All(innovations, i => Assert.True(i.CreatedAt <= i.UpdatedAt && i.UpdatedAt <= now, $"{i.Title}: {Wita(i.CreatedAt)} – {Wita(i.UpdatedAt)}"));
        Assert.All(attachments, a => Assert.True(a.UploadedAt <= now, $"{a.FileName} uploaded {Wita(a.UploadedAt)}"));
        Assert.All(accounts, created => Assert.True(created <= innovations.Min(i => i.CreatedAt), "Accounts exist before their innovations."));

        // Each innovation's audit trail and step history read in order on its detail page.
        foreach (var trail in audit.Where(a => a.InnovationId is not null).GroupBy(a => a.InnovationId))
            Assert.Equal(trail.Select(a => a.At).Order(), trail.Select(a => a.At));
        foreach (var history in runs.GroupBy(r => r.InnovationId))
        {
            var ordered = history.OrderBy(r => r.Id).ToList();
            for (var i = 1; i < ordered.Count; i++)
                Assert.Equal(ordered[i - 1].FinishedAt, ordered[i].StartedAt);
        }
    }

    [Theory]
    [MemberData(nameof(Instants))]
    public async Task The_demo_shows_late_soon_due_returned_and_finished_innovations_and_the_first_drag_succeeds(string instant)
    {
        var now = TestInstants.Named(instant);
        await using var app = new PortalAppFactory(new TestClock(now));
        var cards = await app.Get<InnovationQueries>().SummariesAsync();

        Assert.Contains(cards, c => c.Status == InnovationStatus.Berjalan && c.Sla.Level == SlaLevel.Late);
        Assert.Contains(cards, c => c.Status == InnovationStatus.Berjalan && c.Sla.Level == SlaLevel.DueSoon);
        Assert.Contains(cards, c => c.Status == InnovationStatus.Berjalan && c.Sla.Level == SlaLevel.OnTime);
        Assert.Contains(cards, c => c.ReturnCount > 0);
        Assert.Contains(cards, c => c.Status == InnovationStatus.Selesai);

        // The README's first try: Rizky Ramadhan drags "Dukcapil Goes to School" on to the next step.
        var first = cards.Single(c => c.Title == FirstDragTitle);
        Assert.True(first.CurrentStepHasOutput, "The card the README names has its output attached.");
        var result = await app.Get<WorkflowService>().MoveAsync(
            new MoveCommand(first.Id, first.Version, WorkflowActionKind.Advance, null), await app.IdAsync(DemoPeople.FungsionalPdip));
        Assert.True(result.Succeeded, result.Message);
    }

    [Fact]
    public async Task Every_fungsional_with_a_card_to_work_on_has_one_whose_output_is_already_attached()
    {
        await using var app = new PortalAppFactory(new TestClock(TestInstants.MondayBeforeDawn));
        var sop = (await app.Get<SopCatalog>().CurrentAsync()).Document;
        var cards = await app.Get<InnovationQueries>().SummariesAsync();
        var workCards = cards
            .Where(c => c.Status == InnovationStatus.Berjalan && sop.Step(c.CurrentStep) is { Kind: StepKind.Work, RequiresOutput: true })
            .GroupBy(c => c.ProposerId)
            .ToList();

        Assert.NotEmpty(workCards);
        Assert.All(workCards, mine => Assert.Contains(mine, c => c.CurrentStepHasOutput));
        Assert.Contains(cards, c => c.Status == InnovationStatus.Berjalan && !c.CurrentStepHasOutput
                                    && sop.Step(c.CurrentStep).RequiresOutput);
    }

    private const string FirstDragTitle = "Dukcapil Goes to School";

    private static string Wita(DateTimeOffset? instant) => instant is { } value ? OfficeZone.Wita.DateTimeText(value) : "—";
}
