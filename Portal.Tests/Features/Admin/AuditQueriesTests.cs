using Portal.Data.Entities;
using Portal.Features.Admin.Audit;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Admin;

public sealed class AuditQueriesTests(AuditQueriesTests.App app) : IClassFixture<AuditQueriesTests.App>
{
    public sealed class App : PortalAppFactory
    {
        public App()
        {
            using var db = CreateDbContext();
            // 10 Nov 2026 23:30 WITA is 15:30 UTC: the day filter must use the WITA day.
            db.AuditEntries.AddRange(
                new AuditEntry { At = new DateTimeOffset(2026, 11, 10, 15, 30, 0, TimeSpan.Zero), ActorName = "Penguji Jejak", Action = "Uji jejak", InnovationId = 9001 },
                new AuditEntry { At = new DateTimeOffset(2026, 11, 10, 16, 30, 0, TimeSpan.Zero), ActorName = "Penguji Jejak", Action = "Uji jejak", InnovationId = 9002 },
                new AuditEntry { At = new DateTimeOffset(2026, 11, 12, 1, 0, 0, TimeSpan.Zero), ActorName = "Plh. Kepala Bidang Orang Lain (atas nama Penguji Jejak)", Action = "Uji jejak lain", InnovationId = 9001 });
            db.SaveChanges();
        }
    }

    private AuditQueries Queries => app.Get<AuditQueries>();

    [Fact]
    public async Task Filters_by_WITA_date_range_action_person_and_innovation_newest_first()
    {
        var tenth = await Queries.PageAsync(new AuditFilter(new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 10), Person: "penguji"), 0, 25);
        Assert.Equal([9001], tenth.Items.Select(a => a.InnovationId!.Value));

        var byPerson = await Queries.PageAsync(new AuditFilter(Person: "Penguji Jejak"), 0, 25);
        Assert.Equal(3, byPerson.Total);
        Assert.Equal([9001, 9002, 9001], byPerson.Items.Select(a => a.InnovationId!.Value));
        Assert.Equal("Uji jejak lain", byPerson.Items[0].Action);

        var byAction = await Queries.PageAsync(new AuditFilter(Action: "Uji jejak", InnovationId: 9001), 0, 25);
        Assert.Equal(1, byAction.Total);
        Assert.Contains("Uji jejak lain", await Queries.ActionsAsync());
    }

    [Fact]
    public async Task Pages_are_cut_on_the_server_and_the_total_counts_every_match()
    {
        var first = await Queries.PageAsync(new AuditFilter(), 0, 10);
        var second = await Queries.PageAsync(new AuditFilter(), 1, 10);

        Assert.Equal(10, first.Items.Count);
        Assert.True(first.Total > 20);
        Assert.Empty(first.Items.Select(a => a.Id).Intersect(second.Items.Select(a => a.Id)));
        Assert.True(first.Items[^1].At >= second.Items[0].At);
    }
}
