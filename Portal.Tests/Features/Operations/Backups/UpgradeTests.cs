using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Operations.Backups;
using Portal.Tests.Domain;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Backups;

/// <summary>A database made by the first schema, with data in it, upgraded by starting today's portal on it.</summary>
public sealed class UpgradeTests
{
    [Fact]
    public async Task Starting_the_portal_on_a_first_schema_database_backs_it_up_then_migrates_it_and_loses_nothing()
    {
        var data = PortalAppFactory.NewDataDirectory();
        Directory.CreateDirectory(data);
        var database = Path.Combine(data, "portal.db");
        var firstMigration = await CreateAtFirstMigrationAsync(database);
        FillFirstSchema(database);
        var oldColumns = DatabaseDigest.Columns(database);
        var before = oldColumns.ToDictionary(t => t.Key, t => Rows(database, t.Key, t.Value));
        Assert.Equal(2, before["Innovations"].Count);

        try
        {
            await using (var app = new LoggedApp(data))
            {
                app.CreateClient();

                // Nothing of the old data is lost or changed, except what the portal now keeps as data instead: the SOP roles
                // (user roles and each step's role column) became positions and pelaksana columns, checked below.
                var newColumns = DatabaseDigest.Columns(database);
                foreach (var (table, rows) in before.Where(t => t.Key is not ("AspNetRoles" or "AspNetUserRoles")))
                {
                    var kept = oldColumns[table].Where(c => newColumns[table].Contains(c)).ToList();
                    var after = Rows(database, table, kept);
                    Assert.Equal(Rows(app.FolderOf(Assert.Single(app.Get<PortalBackup>().List())) + "/portal.db", table, kept), after.Take(rows.Count));
                    if (table is not "__EFMigrationsHistory") Assert.Equal(rows.Count, after.Count);
                }
                await using var db = app.CreateDbContext();
                var fungsional = await db.Users.Include(u => u.Position).SingleAsync(u => u.Id == "u-fungsional");
                Assert.Equal(("Pejabat Fungsional", PositionLevel.Staf, (int?)5), (fungsional.Position!.Name, fungsional.Position.Level, fungsional.Position.BidangId));
                Assert.Null((await db.Users.SingleAsync(u => u.Id == "u-admin")).PositionId);
                Assert.Equal(["Administrator"], await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync());
                var sop = (await db.SopDefinitions.Include(s => s.Steps).SingleAsync()).ToDocument();
                Assert.Equal(SopFixture.Sop.Pelaksana, sop.Pelaksana);
                Assert.Equal(SopFixture.Sop.Steps.Select(s => s.Pelaksana), sop.Steps.Select(s => s.Pelaksana));
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                var innovation = await db.Innovations.Include(i => i.StepRuns).SingleAsync(i => i.Title == "Akta Kelahiran Langsung dari Puskesmas");
                Assert.Equal((2, InnovationStatus.Berjalan, 2, 3L), (innovation.CurrentStep, innovation.Status, innovation.StepRuns.Count, innovation.Version));
                Assert.Empty(await db.Attachments.ToListAsync());
                Assert.Equal(new TimeOnly(15, 30), (await app.Get<SettingsStore>().GetAsync()).OfficeClosingTime);

                var backup = Assert.Single(app.Get<PortalBackup>().List());
                Assert.Equal((BackupReason.BeforeUpgrade, firstMigration, true), (backup.Reason, backup.Schema, backup.Verified));
                Assert.Equal(2, backup.RowCount("Innovations"));
                var copy = Path.Combine(app.FolderOf(backup), "portal.db");
                Assert.Equal(before, oldColumns.ToDictionary(t => t.Key, t => Rows(copy, t.Key, t.Value)));

                Assert.Contains(app.Logs, line => line.Contains("Taking a backup before applying") && line.Contains("AccountsAlertsAndStepOutputs"));
                Assert.Contains(app.Logs, line => line.Contains($"Backup {backup.Id} of schema {firstMigration} taken and verified before the upgrade"));
            }

            // A later start with nothing to migrate takes no backup.
            await using (var again = new LoggedApp(data))
            {
                again.CreateClient();
                Assert.Single(again.Get<PortalBackup>().List());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
            if (Directory.Exists(data + "-cadangan")) Directory.Delete(data + "-cadangan", recursive: true);
        }
    }

    /// <summary>The portal as a server runs it, whose log is read from its log files in the data folder.</summary>
    private sealed class LoggedApp(string data) : BackupApp(TestInstants.OrdinaryWednesday, null, data, "Production")
    {
        public IReadOnlyList<string> Logs => Directory.EnumerateFiles(Path.Combine(DataDirectory, "log"), "portal-*.log")
            .SelectMany(file =>
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                return new StreamReader(stream).ReadToEnd().Split('\n');
            })
            .ToList();
    }

    private static async Task<string> CreateAtFirstMigrationAsync(string database)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={database};Pooling=False").Options;
        await using var db = new PortalDbContext(options);
        var first = db.Database.GetMigrations().First();
        await db.GetService<IMigrator>().MigrateAsync(first);
        Assert.Equal([first], await db.Database.GetAppliedMigrationsAsync());
        return first;
    }

    /// <summary>Rows as the first version of the portal wrote them, in its own column layout.</summary>
    private static void FillFirstSchema(string database)
    {
        using var connection = SqliteFileCheck.Open(database, readOnly: false);
        using var transaction = connection.BeginTransaction();
        void Run(string sql, params (string Name, object? Value)[] values)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in values) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            command.ExecuteNonQuery();
        }

        Run("INSERT INTO Bidang (Id, Name, ShortName) VALUES (1, 'Sekretariat', 'Sekretariat'), (5, 'Bidang Pemanfaatan Data dan Inovasi Pelayanan', 'PDIP');");
        Run("INSERT INTO Holidays (Date, Name, Kind) VALUES ('2026-12-25', 'Hari Raya Natal', 'LiburNasional'), ('2026-12-24', 'Cuti bersama Natal', 'CutiBersama');");
        Run("""
            INSERT INTO Settings (Id, OfficeClosingTime, DueSoonWorkingDays, EscalationWorkingDays, OverdueScanCron, SmtpPort, SmtpUseTls,
                SmtpSenderAddress, SmtpSenderName, MaxUploadMegabytes, UpdatedAt, UpdatedByName)
            VALUES (1, '15:30:00', 2, 3, '*/10 * * * *', 587, 1, 'portal@paserkab.go.id', 'Portal Inovasi', 15, '2026-11-20 08:00:00', 'Admin Portal');
            """);

        using (var seed = typeof(DatabaseInitializer).Assembly.GetManifestResourceStream("Portal.Data.Seed.sop-inovasi-pelayanan.json")!)
        using (var reader = new StreamReader(seed))
        {
            var sop = SopDefinition.From(1, SopJson.Parse(reader.ReadToEnd(), version: 1), "Versi awal", TestInstants.Wita(2026, 11, 2, 8, 0), "Sistem");
            Run("INSERT INTO SopDefinitions (Id, Code, Version, HeaderJson, ChangeNote, CreatedAt, CreatedByName) VALUES (1, $code, 1, $header, 'Versi awal', '2026-11-02 00:00:00', 'Sistem');",
                ("$code", sop.Code), ("$header", sop.HeaderJson));
            foreach (var step in sop.Steps)
                Run("""
                    INSERT INTO SopSteps (SopDefinitionId, Number, ShortName, Activity, Role, Kind, DurationValue, DurationUnit, InputsJson, Output, ReturnToStep, Stage, RequiresOutput)
                    VALUES (1, $number, $short, $activity, $role, $kind, $value, $unit, $inputs, $output, $return, $stage, $requires);
                    """,
                    ("$number", step.Number), ("$short", step.ShortName), ("$activity", step.Activity), ("$role", new[] { "PejabatFungsional", "KepalaBidang", "KepalaDinas" }[step.Pelaksana]), ("$kind", step.Kind.ToString()),
                    ("$value", step.DurationValue), ("$unit", step.DurationUnit?.ToString()), ("$inputs", step.InputsJson), ("$output", step.Output),
                    ("$return", step.ReturnToStep), ("$stage", step.Stage.ToString()), ("$requires", step.RequiresOutput));
        }

        Run("INSERT INTO AspNetRoles (Id, Name, NormalizedName) VALUES ('r-admin', 'Administrator', 'ADMINISTRATOR'), ('r-fungsional', 'PejabatFungsional', 'PEJABATFUNGSIONAL');");
        Run("""
            INSERT INTO AspNetUsers (Id, FullName, Jabatan, BidangId, IsActive, CreatedAt, UserName, NormalizedUserName, EmailConfirmed, PasswordHash, SecurityStamp,
                PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
            VALUES ('u-admin', 'Admin Portal', 'Pranata Komputer', 1, 1, '2026-11-02 00:00:00', '198512102010011009', '198512102010011009', 0, 'AQAAAAIAAYagAAAAEHash', 'STAMP1', 0, 0, 1, 0),
                   ('u-fungsional', 'Rizky Ramadhan', 'Pejabat Fungsional', 5, 1, '2026-11-02 00:00:00', '199204172019031008', '199204172019031008', 0, 'AQAAAAIAAYagAAAAEHash2', 'STAMP2', 0, 0, 1, 0);
            """);
        Run("INSERT INTO AspNetUserRoles (UserId, RoleId) VALUES ('u-admin', 'r-admin'), ('u-fungsional', 'r-fungsional');");
        Run("""
            INSERT INTO Innovations (Id, Title, Summary, Background, Goal, Benefit, Type, Affair, Budget, StartDate, BidangId, ProposerId, SopDefinitionId,
                CurrentStep, Status, ReturnCount, CreatedAt, UpdatedAt, LastChangedByName, Version)
            VALUES (1, 'Akta Kelahiran Langsung dari Puskesmas', 'Ringkasan', 'Latar', 'Tujuan', 'Manfaat', 'Digital', 'PelayananPublik', 12500000, '2026-11-02', 5,
                    'u-fungsional', 1, 2, 'Berjalan', 0, '2026-11-02 01:00:00', '2026-11-04 02:00:00', 'Rizky Ramadhan', 3),
                   (2, 'KTP-el untuk Lansia di Rumah', 'Ringkasan', 'Latar', 'Tujuan', 'Manfaat', 'NonDigital', 'PelayananPublik', NULL, '2026-11-03', 5,
                    'u-fungsional', 1, 1, 'Berjalan', 0, '2026-11-03 01:00:00', '2026-11-03 01:00:00', 'Rizky Ramadhan', 1);
            """);
        Run("""
            INSERT INTO StepRuns (InnovationId, StepNumber, RunNumber, StartedAt, DueAt, FinishedAt, Outcome, FinishedById, FinishedByName)
            VALUES (1, 1, 1, '2026-11-02 01:00:00', '2026-11-16 08:00:00', '2026-11-04 02:00:00', 'Selesai', 'u-fungsional', 'Rizky Ramadhan'),
                   (1, 2, 1, '2026-11-04 02:00:00', '2026-11-06 08:00:00', NULL, NULL, NULL, NULL),
                   (2, 1, 1, '2026-11-03 01:00:00', '2026-11-17 08:00:00', NULL, NULL, NULL, NULL);
            """);
        Run("""
            INSERT INTO AuditEntries (At, ActorId, ActorName, Action, InnovationId, FromStep, ToStep, FromStatus, ToStatus, Detail)
            VALUES ('2026-11-02 01:00:00', 'u-fungsional', 'Rizky Ramadhan', 'Dibuat', 1, NULL, 1, NULL, 'Berjalan', NULL),
                   ('2026-11-04 02:00:00', 'u-fungsional', 'Rizky Ramadhan', 'Diteruskan', 1, 1, 2, 'Berjalan', 'Berjalan', 'Kajian selesai'),
                   ('2026-11-03 01:00:00', 'u-fungsional', 'Rizky Ramadhan', 'Dibuat', 2, NULL, 1, NULL, 'Berjalan', NULL);
            """);
        transaction.Commit();
    }

    private static List<string> Rows(string database, string table, IReadOnlyList<string> columns)
    {
        using var connection = SqliteFileCheck.Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c}\""))} FROM \"{table}\" ORDER BY rowid;";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }
}
