using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Workflow;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Features.Alerts;

/// <summary>
/// The overdue scan over 10,000 running innovations with 50,000 step runs (one open run each): the first
/// scan creates the alerts, the second finds nothing new. Targets: under 2 s and under 1 s; the figures
/// are written to the test output rather than asserted, since the machine is shared.
/// </summary>
[Trait("Category", "Performance")]
public sealed class OverdueScanBenchmarkTests(OverdueScanBenchmarkTests.App app, ITestOutputHelper output) : IClassFixture<OverdueScanBenchmarkTests.App>
{
    // Wed 4 Nov 2026 09:00 WITA.
    public sealed class App() : AlertsApp(Wita(2026, 11, 4, 9));

    private const int Innovations = 10_000;
    private const int RunsPerInnovation = 5;

    [Fact]
    public async Task The_scan_over_ten_thousand_innovations_and_fifty_thousand_step_runs()
    {
        var seeding = Stopwatch.StartNew();
        var expectedAlerts = await SeedAsync();
        seeding.Stop();

        var first = Stopwatch.StartNew();
        var firstOutcome = await app.ScanAsync();
        first.Stop();
        var second = Stopwatch.StartNew();
        var secondOutcome = await app.ScanAsync();
        second.Stop();

        output.WriteLine($"Seeded {Innovations:N0} innovations and {Innovations * RunsPerInnovation:N0} step runs (bulk insert) in {seeding.ElapsedMilliseconds:N0} ms.");
        output.WriteLine($"First scan:  {first.ElapsedMilliseconds,6:N0} ms (target < 2,000 ms): {firstOutcome.RunsExamined:N0} open runs, {firstOutcome.AlertsCreated:N0} alerts created.");
        output.WriteLine($"Second scan: {second.ElapsedMilliseconds,6:N0} ms (target < 1,000 ms): {secondOutcome.AlertsCreated:N0} alerts created.");

        Assert.True(firstOutcome.AlertsCreated >= expectedAlerts, $"{firstOutcome.AlertsCreated} < {expectedAlerts}");
        Assert.Equal(0, secondOutcome.AlertsCreated);
        Assert.Equal(0, firstOutcome.Failures + secondOutcome.Failures);
    }

    /// <summary>
    /// Steps 1–4 done, the fifth run open at step 6, 7, 8 or 9: a third late by three working days
    /// (late + escalation), a third due today (soon due), a third due in two weeks. Returns the alerts
    /// the seeded runs must produce.
    /// </summary>
    private async Task<int> SeedAsync()
    {
        var now = app.Clock.GetUtcNow();
        var (sopId, _) = await app.Get<SopCatalog>().CurrentAsync();
        await using var db = app.CreateDbContext();
        var proposers = await (
            from user in db.Users
            where user.Position!.Level == PositionLevel.Staf
            select new { user.Id, BidangId = user.BidangId!.Value, user.FullName }).ToListAsync();

        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var innovation = Command(connection, transaction,
            "INSERT INTO Innovations (Title, Summary, Background, Goal, Benefit, Type, Affair, StartDate, BidangId, ProposerId, SopDefinitionId, " +
            "CurrentStep, Status, ReturnCount, CreatedAt, UpdatedAt, LastChangedByName, Version) " +
            "VALUES ($title, 'Ringkasan', 'Latar belakang', 'Tujuan', 'Manfaat', 'Digital', 'PelayananPublik', '2026-10-01', $bidang, $proposer, $sop, " +
            "$step, 'Berjalan', 0, $created, $created, $name, 1) RETURNING Id",
            "$title", "$bidang", "$proposer", "$sop", "$step", "$created", "$name");
        await using var run = Command(connection, transaction,
            "INSERT INTO StepRuns (InnovationId, StepNumber, RunNumber, StartedAt, DueAt, FinishedAt, Outcome, FinishedById, FinishedByName) " +
            "VALUES ($innovation, $step, 1, $started, $due, $finished, $outcome, $by, $byName)",
            "$innovation", "$step", "$started", "$due", "$finished", "$outcome", "$by", "$byName");

        var openSteps = new[] { 6, 7, 8, 9 };
        var expected = 0;
        for (var i = 0; i < Innovations; i++)
        {
            var proposer = proposers[i % proposers.Count];
            var openStep = openSteps[i % openSteps.Length];
            Set(innovation, $"Inovasi uji beban {i + 1}", proposer.BidangId, proposer.Id, sopId, openStep, now.AddDays(-30).UtcDateTime, proposer.FullName);
            var id = Convert.ToInt32(await innovation.ExecuteScalarAsync());

            for (var step = 1; step <= 4; step++)
            {
                var started = now.AddDays(-30 + step * 3);
                Set(run, id, step, started.UtcDateTime, started.AddDays(2).UtcDateTime, started.AddDays(1).UtcDateTime,
                    step is 3 or 4 ? "Sesuai" : "Selesai", proposer.Id, proposer.FullName);
                await run.ExecuteNonQueryAsync();
            }

            var (due, alerts) = (i % 3) switch
            {
                0 => (now.AddDays(-5), 3),                                             // late by 3 working days: late ×2 + escalation
                1 => (AlertsApp.Wita(2026, 11, 4, 16), 1),                             // due today: soon due, to the doer
                _ => (now.AddDays(14), 0),                                             // on time
            };
            expected += alerts;
            Set(run, id, openStep, now.AddDays(-7).UtcDateTime, due.UtcDateTime, DBNull.Value, DBNull.Value, DBNull.Value, DBNull.Value);
            await run.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        return expected;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        command.Prepare();
        return command;
    }

    private static void Set(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
    }
}
