using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Tests.Infrastructure;

/// <summary>Writes many running innovations straight into the database, for benchmarks that need volume.</summary>
public static class BulkInnovations
{
    /// <param name="atStep">Puts every innovation at this step; without it they spread over the SOP's steps.</param>
    /// <param name="definitionId">The SOP version the items run on; without it the innovation SOP's newest.</param>
    public static async Task SeedAsync(PortalAppFactory app, int count, DateTimeOffset now, int runsPerInnovation = 1, int? atStep = null,
        int? definitionId = null)
    {
        await using var db = app.CreateDbContext();
        var sopId = definitionId ?? await db.SopDefinitions.Where(s => s.Sop!.RecordKind == SopRecordKind.InovasiPelayanan)
            .OrderByDescending(s => s.Version).Select(s => s.Id).FirstAsync();
        var steps = await db.SopSteps.CountAsync(s => s.SopDefinitionId == sopId);
        var fungsional = await db.Users.Where(u => u.UserName == DemoPeople.FungsionalPdip).Select(u => new { u.Id, u.BidangId }).SingleAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < count; i++)
        {
            var step = atStep ?? i % steps + 1;
            var innovation = new Innovation
            {
                Title = $"Inovasi uji beban {i:D5}", Summary = "Ringkasan", Background = "Latar", Goal = "Tujuan", Benefit = "Manfaat",
                BidangId = fungsional.BidangId!.Value, ProposerId = fungsional.Id, SopDefinitionId = sopId, CurrentStep = step,
                Status = InnovationStatus.Berjalan, StartDate = DateOnly.FromDateTime(now.UtcDateTime), CreatedAt = now, UpdatedAt = now, Version = 1,
            };
            for (var run = 1; run <= runsPerInnovation; run++)
            {
                var open = run == runsPerInnovation;
                innovation.StepRuns.Add(new StepRun
                {
                    StepNumber = open ? step : Math.Max(1, step - (runsPerInnovation - run)), RunNumber = run,
                    StartedAt = now.AddDays(-(i % 20) - (runsPerInnovation - run)), DueAt = now.AddDays(i % 7 - 3),
                    FinishedAt = open ? null : now.AddDays(-(runsPerInnovation - run)),
                    Outcome = open ? null : StepOutcome.Selesai,
                });
            }
            db.Innovations.Add(innovation);
            if (i % 1000 == 999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
    }
}
