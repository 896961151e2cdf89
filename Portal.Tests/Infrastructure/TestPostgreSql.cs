using Npgsql;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the suite's second-provider tests use: PORTAL_TEST_POSTGRESQL names it (a connection string
/// of a role that may create databases; .ci/run starts a throwaway cluster and sets it). Each test portal gets a new,
/// empty database of its own, dropped when the portal is disposed.
/// </summary>
public static class TestPostgreSql
{
    public const string EnvironmentVariable = "PORTAL_TEST_POSTGRESQL";

    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    public static bool IsAvailable => ServerConnectionString is not null;

    public static string SkipReason =>
        $"PostgreSQL tidak dikonfigurasi: set {EnvironmentVariable} (mis. Host=127.0.0.1;Port=55432;Username=postgres) atau jalankan .ci/run, yang memasang dan menyalakan server sementara. Dengan CI=true uji ini wajib berjalan.";

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static string CreateDatabase()
    {
        var server = ServerConnectionString
            ?? throw new InvalidOperationException($"{EnvironmentVariable} is not set; PostgreSQL tests need a server (.ci/run starts one).");
        var name = "portal_test_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}

/// <summary>Marks a test class whose portal runs on PostgreSQL: its <see cref="ProviderFactAttribute"/> tests skip when no server is configured.</summary>
public interface IRunsOnPostgreSql;

/// <summary>
/// A fact of a test class that runs on either provider (a base class with a SQLite and a PostgreSQL subclass). In the
/// PostgreSQL subclass (<see cref="IRunsOnPostgreSql"/>) it is skipped with a clear message when no server is configured,
/// except when CI=true, where it runs and fails.
/// </summary>
[XunitTestCaseDiscoverer("Portal.Tests.Infrastructure.ProviderFactDiscoverer", "Portal.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderFactAttribute : FactAttribute
{
    /// <summary>Tools the test needs besides the database (as <see cref="RequiresToolFactAttribute"/>): skipped where missing, unless CI=true.</summary>
    public string[] Tools { get; set; } = [];

    /// <summary>A benchmark of over a minute: left out unless PORTAL_BENCHMARKS=1, as <see cref="SlowBenchmarkFactAttribute"/>.</summary>
    public bool SlowBenchmark { get; set; }
}

public sealed class ProviderFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var missingTool = factAttribute.GetNamedArgument<string[]?>(nameof(ProviderFactAttribute.Tools))?.FirstOrDefault(tool => ExternalTools.Find(tool) is null);
        var slow = factAttribute.GetNamedArgument<bool>(nameof(ProviderFactAttribute.SlowBenchmark)) && Environment.GetEnvironmentVariable("PORTAL_BENCHMARKS") != "1";
        var skip = (slow ? "Benchmark lambat (lebih dari 1 menit): jalankan dengan PORTAL_BENCHMARKS=1 dotnet test --filter Category=Performance." : null)
            ?? SkipReason(testMethod)
            ?? (missingTool is not null && !ExternalTools.IsCi ? $"{missingTool} tidak ditemukan di mesin ini; uji ini dilewati. Dengan CI=true uji ini wajib berjalan." : null);
        yield return new ProviderTestCase(diagnostics, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, skip);
    }

    /// <summary>Why a test of this class cannot run here, or null when it can.</summary>
    public static string? SkipReason(ITestMethod testMethod)
    {
        var onPostgreSql = typeof(IRunsOnPostgreSql).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType());
        return onPostgreSql && !TestPostgreSql.IsAvailable && !ExternalTools.IsCi ? TestPostgreSql.SkipReason : null;
    }
}

/// <summary>A theory of a test class that runs on either provider; skipped like <see cref="ProviderFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer("Portal.Tests.Infrastructure.ProviderTheoryDiscoverer", "Portal.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderTheoryAttribute : TheoryAttribute;

public sealed class ProviderTheoryDiscoverer(IMessageSink diagnostics) : TheoryDiscoverer(diagnostics)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        ProviderFactDiscoverer.SkipReason(testMethod) is { } skip
            ? [new ProviderTestCase(DiagnosticMessageSink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, skip)]
            : base.Discover(options, testMethod, theoryAttribute);
}

public sealed class ProviderTestCase : XunitTestCase
{
    private string? skip;

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ProviderTestCase()
    {
    }

    public ProviderTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, string? skip)
        : base(diagnostics, display, displayOptions, testMethod)
    {
        this.skip = skip;
    }

    protected override string? GetSkipReason(IAttributeInfo factAttribute) => skip ?? base.GetSkipReason(factAttribute);

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("ProviderSkip", skip);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        skip = data.GetValue<string>("ProviderSkip");
        base.Deserialize(data);
    }
}

/// <summary>
/// A benchmark over a minute that compares SQLite with PostgreSQL: like <see cref="SlowBenchmarkFactAttribute"/> it runs only
/// with PORTAL_BENCHMARKS=1, and then needs the test server (<see cref="TestPostgreSql"/>).
/// </summary>
public sealed class SlowPostgreSqlBenchmarkFactAttribute : FactAttribute
{
    public SlowPostgreSqlBenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("PORTAL_BENCHMARKS") != "1")
            Skip = "Benchmark lambat (lebih dari 1 menit): jalankan dengan PORTAL_BENCHMARKS=1 dotnet test --filter Category=Performance.";
        else if (!TestPostgreSql.IsAvailable && !ExternalTools.IsCi)
            Skip = TestPostgreSql.SkipReason;
    }
}
