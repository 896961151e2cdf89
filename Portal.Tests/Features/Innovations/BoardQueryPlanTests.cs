using Microsoft.EntityFrameworkCore;
using Portal.Features.Innovations;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Innovations;

/// <summary>The board's one big query finds each innovation's latest step run through an index, not by sorting runs.</summary>
public sealed class BoardQueryPlanTests(DemoPortal app) : IClassFixture<DemoPortal>
{
    [Fact]
    public async Task The_latest_step_run_of_each_innovation_comes_from_the_index_without_a_sort()
    {
        await using var db = app.CreateDbContext();
        var sql = InnovationQueries.RowsQuery(db).ToQueryString();

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        }

        Assert.Contains(plan, step => step.Contains("StepRuns") && step.Contains("IX_StepRuns_InnovationId_Id"));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE"));
    }
}
