using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>What `dotnet run` does on a fresh clone: migrate an empty SQLite file, seed the SOP, bidang, holidays and demo data.</summary>
public sealed class FirstRunTests(DemoPortal app) : IClassFixture<DemoPortal>
{
    [Fact]
    public async Task A_fresh_database_gets_the_SOP_bidang_holidays_roles_and_demo_data()
    {
        await using var db = app.CreateDbContext();

        // The innovation SOP from its seed; the demo's second SOP is imported beside it.
        var sop = await db.SopDefinitions.Include(s => s.Steps).SingleAsync(s => s.Sop!.RecordKind == SopRecordKind.InovasiPelayanan);
        Assert.Equal(["800/012/SOP/DKPS/2024"], await db.SopDefinitions.Where(s => s.Sop!.RecordKind == SopRecordKind.PelaksanaanSop).Select(s => s.Code).ToListAsync());
        Assert.Equal(("12./005/SOP/DKPS/1/2024", 1, 10), (sop.Code, sop.Version, sop.Steps.Count));
        var document = sop.ToDocument();
        Assert.Equal(2, document.Step(3).ReturnToStep);
        Assert.Equal(2, document.Step(4).ReturnToStep);
        Assert.Equal(new SopDuration(10, DurationUnit.WorkingDays), document.Step(1).Duration);
        Assert.Null(document.Step(5).Duration);
        Assert.Equal("Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Paser", document.Header.DisahkanOleh);

        Assert.Equal(5, await db.Bidang.CountAsync());
        Assert.Equal(17, await db.Holidays.CountAsync(h => h.Kind == HolidayKind.LiburNasional));
        Assert.Equal(8, await db.Holidays.CountAsync(h => h.Kind == HolidayKind.CutiBersama));
        Assert.Equal(PortalRoles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());

        var innovations = await db.Innovations.ToListAsync();
        Assert.True(innovations.Count >= 15);
        Assert.True(innovations.Select(i => i.CurrentStep).Distinct().Count() >= 8, "demo innovations are spread over the steps");
        Assert.Contains(innovations, i => i.ReturnCount > 0);
        Assert.Contains(innovations, i => i.Status == InnovationStatus.Selesai);
        Assert.True(await db.AuditEntries.CountAsync() > innovations.Count, "demo history was written through the workflow service");
    }

    [Fact]
    public async Task The_database_runs_in_WAL_mode()
    {
        await using var db = app.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("/akun/masuk", HttpStatusCode.OK)]
    [InlineData("/sehat", HttpStatusCode.OK)]
    public async Task Public_pages_answer(string path, HttpStatusCode expected)
    {
        var response = await app.CreateClient().GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/inovasi")]
    [InlineData("/inovasi/1")]
    [InlineData("/layar")]
    public async Task Pages_ask_an_anonymous_visitor_to_sign_in(string path)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/akun/masuk", response.Headers.Location!.PathAndQuery);
    }
}
