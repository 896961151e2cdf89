using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Data;
using Portal.Features.Operations.Faults;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Health;

/// <summary>
/// /sehat and the storage-failure net on PostgreSQL, with the server reached through a relay the test can cut: the
/// database check is healthy and leaves nothing behind; while the server cannot be reached the check, a sign-in and
/// the administrators' alarm say so in Indonesian, without a server detail; once it is back all is well again.
/// </summary>
public sealed class PostgreSqlHealthTests : IRunsOnPostgreSql, IAsyncLifetime
{
    private string database = "";
    private TcpRelay? relay;

    public Task InitializeAsync()
    {
        if (!TestPostgreSql.IsAvailable) return Task.CompletedTask;
        database = TestPostgreSql.CreateDatabase();
        var server = new NpgsqlConnectionStringBuilder(database);
        relay = new TcpRelay(server.Host!, server.Port);
        relay.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (relay is not null) await relay.DisposeAsync();
        if (database.Length > 0) TestPostgreSql.DropDatabase(database);
    }

    [ProviderFact]
    public async Task The_database_check_is_healthy_and_says_so_in_words_when_the_server_cannot_be_reached()
    {
        await using var app = Portal();
        var healthy = await app.GetHealthAsync();
        Assert.Equal("Healthy", healthy.StatusOf("basis-data"));
        Assert.Equal("Basis data dapat dibaca dan ditulis.", healthy.DescriptionOf("basis-data"));
        await using (var db = PortalDatabase.OpenPostgreSql(database))
        {
            Assert.Equal(0, await db.Database.SqlQuery<int>($"SELECT COUNT(*)::int AS \"Value\" FROM pg_tables WHERE tablename LIKE '%health%'").SingleAsync());
        }

        relay!.Stop();
        var down = await app.GetHealthAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Code);
        Assert.Equal("Unhealthy", down.StatusOf("basis-data"));
        Assert.Equal("Server basis data PostgreSQL tidak dapat dihubungi: portal tidak dapat membaca atau menyimpan data.", down.DescriptionOf("basis-data"));
        Assert.DoesNotContain("Npgsql", down.Body);
        Assert.DoesNotContain("127.0.0.1", down.Body);

        relay.Start();
        // The first check after the outage may still meet a connection the outage broke; the next one finds the server.
        await app.WaitForHealthAsync(answer => answer.StatusOf("basis-data") == "Healthy");
    }

    [ProviderFact]
    public async Task A_sign_in_while_the_server_cannot_be_reached_answers_with_the_message_alarms_and_works_once_it_is_back()
    {
        await using var app = Portal();
        using var client = app.NewClient();
        // The sign-in page itself needs no database; it is read first, while the server answers.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/akun/masuk")).StatusCode);

        relay!.Stop();
        var refused = await client.SignInAsync(DemoPeople.FungsionalPdip);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        var page = await refused.HtmlAsync();
        Assert.Contains(StorageFailures.UnreachableMessage, page);
        Assert.DoesNotContain("Npgsql", page);
        Assert.DoesNotContain("Exception", page);
        Assert.DoesNotContain("127.0.0.1", page);
        Assert.True(app.Get<StorageAlarm>().IsRefusing(StorageProblem.Unreachable));

        relay.Start();
        using var again = await app.SignedInClientAsync(DemoPeople.FungsionalPdip);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/")).StatusCode);
    }

    private PortalAppFactory Portal() => new(settings: new Dictionary<string, string?>
    {
        ["Database:Provider"] = nameof(DatabaseProvider.PostgreSql),
        ["ConnectionStrings:Portal"] = new NpgsqlConnectionStringBuilder(database) { Host = "127.0.0.1", Port = relay!.Port, Timeout = 5 }.ToString(),
        ["Alerts:RunServer"] = "false",
        ["Health:CacheDuration"] = "00:00:00",
        ["Health:DatabaseTimeout"] = "00:00:02",
    });
}
