using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Operations.Backups;

namespace Portal.Features.Operations.MoveToPostgreSql;

/// <summary>
/// <c>Portal --pindah-ke-postgresql &lt;SQLite data folder or its portal.db&gt; [--tujuan "&lt;PostgreSQL connection string&gt;"]</c>:
/// copies a portal that ran on SQLite into an empty PostgreSQL database, before any web host starts. The target is
/// <c>--tujuan</c>, else ConnectionStrings:Portal when Database:Provider is PostgreSql. Everything is checked before the
/// target is touched: the SQLite database must be sound and at this build's schema, the target empty. The target is then
/// migrated to the PostgreSQL schema and every table copied in one transaction (<see cref="DatabaseCopier"/>), with the
/// data-protection keys of the data folder, so people stay signed in. Attachments stay files in the data folder.
/// </summary>
public static class MoveToPostgreSqlCommand
{
    public const string Verb = "--pindah-ke-postgresql";
    public const string TargetOption = "--tujuan";

    public const int Moved = 0;
    public const int Refused = 1;
    public const int Usage = 2;

    public static bool IsRequested(string[] args) => args.Contains(Verb, StringComparer.Ordinal);

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, CancellationToken cancellationToken = default)
    {
        var source = ValueAfter(args, Verb);
        var target = ValueAfter(args, TargetOption)
            ?? (configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider == DatabaseProvider.PostgreSql
                ? configuration.GetConnectionString("Portal")
                : null);
        if (source is null || string.IsNullOrWhiteSpace(target) || (args.Contains(TargetOption, StringComparer.Ordinal) && ValueAfter(args, TargetOption) is null))
        {
            output.WriteLine("Cara pakai / usage: Portal --pindah-ke-postgresql <folder data SQLite atau portal.db> [--tujuan \"<connection string PostgreSQL>\"]");
            output.WriteLine("Tanpa --tujuan dipakai ConnectionStrings:Portal bila Database:Provider = PostgreSql (mis. variabel lingkungan ConnectionStrings__Portal).");
            return Usage;
        }
        return await MoveAsync(Path.GetFullPath(source), target, output, cancellationToken);
    }

    public static async Task<int> MoveAsync(string source, string targetConnectionString, TextWriter output, CancellationToken cancellationToken = default)
    {
        var database = Directory.Exists(source) ? Path.Combine(source, BackupPaths.DatabaseFile) : source;
        var dataFolder = Path.GetDirectoryName(database)!;
        string where;
        try
        {
            where = EmptyPostgreSqlTarget.Describe(targetConnectionString);
        }
        catch (ArgumentException ex)
        {
            return Refuse(output, $"connection string tujuan tidak dapat dibaca ({ex.Message}).", "The target connection string could not be read.");
        }

        output.WriteLine($"Memeriksa sumber {database} ...");
        if (SourceProblem(database) is { } sourceProblem) return Refuse(output, sourceProblem.Indonesian, sourceProblem.English);

        output.WriteLine($"Memeriksa tujuan PostgreSQL {where} ...");
        await using var postgreSql = PortalDatabase.OpenPostgreSql(targetConnectionString);
        try
        {
            if (await EmptyPostgreSqlTarget.ProblemAsync(postgreSql, cancellationToken) is { } targetProblem) return Refuse(output, targetProblem.Indonesian, targetProblem.English);

            output.WriteLine("Membuat skema PostgreSQL portal di basis data tujuan ...");
            await postgreSql.Database.MigrateAsync(cancellationToken);

            output.WriteLine("Menyalin semua tabel ...");
            await using var sqlite = PortalDatabase.OpenSqliteFile(database);
            var report = await DatabaseCopier.CopyAsync(DatabaseCopier.Side.Current(sqlite), DatabaseCopier.Side.Current(postgreSql), cancellationToken);
            var keys = await DataProtectionKeyFiles.ImportAsync(postgreSql, Path.Combine(dataFolder, BackupPaths.KeysFolder), cancellationToken);

            Print(report, output);
            output.WriteLine($"Pemindahan selesai: {report.Tables.Count} tabel, {report.Tables.Sum(t => t.TargetRows)} baris, jumlah baris tiap tabel sama dengan sumber; {keys} kunci perlindungan data.");
            output.WriteLine($"Lampiran tetap berkas di {Path.Combine(dataFolder, BackupPaths.AttachmentsFolder)}: arahkan Portal:DataDirectory ke folder data ini (atau salin lampiran/ ke folder yang dipakai portal).");
            output.WriteLine("Lalu jalankan portal dengan Database:Provider = PostgreSql dan ConnectionStrings:Portal menunjuk basis data ini. Berkas portal.db tidak diubah.");
            return Moved;
        }
        catch (DatabaseCopyRefusedException ex)
        {
            return Refuse(output, ex.Message, "The copy was refused; no row was kept in the target database.");
        }
        catch (Exception ex) when (PortalDatabase.PostgreSqlFailure(ex) is { } failure)
        {
            return Refuse(output, $"server PostgreSQL {where} tidak dapat dihubungi atau menolak permintaan ({EmptyPostgreSqlTarget.Reason(failure)}).",
                $"The PostgreSQL server {where} could not be reached or refused the request; no row was kept in the target database.");
        }
    }

    private static (string Indonesian, string English)? SourceProblem(string database)
    {
        if (!File.Exists(database))
            return ($"tidak ada basis data SQLite portal di {database}.", $"There is no SQLite portal database at {database}.");
        IReadOnlyList<string> applied;
        try
        {
            using var connection = SqliteFileCheck.Open(database);
            var integrity = SqliteFileCheck.Scalars(connection, "PRAGMA integrity_check;");
            if (integrity is not ["ok"])
                return ($"basis data SQLite rusak ({integrity.FirstOrDefault()}). Pulihkan cadangan terakhir dulu.", "The SQLite database is damaged; restore the last backup first.");
            applied = SqliteFileCheck.AppliedMigrations(connection);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            return ($"{database} bukan basis data SQLite yang dapat dibaca ({ex.Message}).", $"{database} is not a readable SQLite database.");
        }

        using var model = PortalDatabase.OpenSqliteFile(":memory:");
        var known = model.Database.GetMigrations().ToList();
        if (applied.Count == 0)
            return ("berkas itu bukan basis data portal (tidak ada riwayat migrasi).", "That file is not a portal database (it has no migration history).");
        if (applied.Except(known, StringComparer.Ordinal).ToList() is [.., var newest])
            return ($"basis data SQLite dibuat oleh versi portal yang lebih baru (skema {newest}). Pakai versi portal yang sama atau lebih baru untuk memindahkannya.",
                "The SQLite database was written by a newer portal; move it with that version or a newer one.");
        if (known.Except(applied, StringComparer.Ordinal).Any())
            return ($"skema basis data SQLite belum terbaru (terakhir {applied[^1]}, versi ini {known[^1]}). Jalankan portal versi ini sekali pada folder data itu " +
                    "(portal memperbarui skemanya sendiri, dengan cadangan lebih dulu), hentikan, lalu ulangi pemindahan.",
                "The SQLite database is not at this version's schema: start this portal once on that data folder (it upgrades itself), stop it, then run the move again.");
        return null;
    }

    private static void Print(DatabaseCopyReport report, TextWriter output)
    {
        var width = Math.Max(5, report.Tables.Max(t => t.Table.Length));
        output.WriteLine($"  {"Tabel".PadRight(width)}  {"SQLite",10}  {"PostgreSQL",10}");
        foreach (var table in report.Tables)
            output.WriteLine($"  {table.Table.PadRight(width)}  {table.SourceRows,10}  {table.TargetRows,10}");
    }

    private static int Refuse(TextWriter output, string indonesian, string english)
    {
        output.WriteLine($"Pemindahan ditolak: {indonesian}");
        output.WriteLine("Tidak ada data yang disalin; berkas SQLite tidak diubah.");
        output.WriteLine($"Refused: {english} Nothing was copied; the SQLite file is unchanged.");
        return Refused;
    }

    private static string? ValueAfter(string[] args, string option)
    {
        var index = Array.IndexOf(args, option);
        return index >= 0 && index + 1 < args.Length && !args[index + 1].StartsWith("--", StringComparison.Ordinal) ? args[index + 1] : null;
    }
}
