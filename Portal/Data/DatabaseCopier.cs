using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portal.Data;

/// <summary>One table copied: the rows the source had in its snapshot and the rows the target holds afterwards.</summary>
public sealed record TableCopy(string Table, long SourceRows, long TargetRows);

/// <param name="Tables">Every table both sides have, in the order copied (principal tables before their dependents).</param>
/// <param name="SourceOnlyTables">Tables only the source has (the data-protection keys of PostgreSQL); the caller decides what to do with them.</param>
public sealed record DatabaseCopyReport(IReadOnlyList<TableCopy> Tables, IReadOnlyList<string> SourceOnlyTables);

/// <summary>A copy refused or undone before anything was kept in the target; the message is for a person, in Indonesian.</summary>
public sealed class DatabaseCopyRefusedException(string message) : Exception(message);

/// <summary>
/// Copies a portal's rows from one database into another as the EF model describes them: every table both models have,
/// principal tables before their dependents, every column (shadow properties too), values read and written through each
/// provider's own type mappings. A table added to the model later is copied without a change here. Used by the move from
/// SQLite to PostgreSQL, by backups of PostgreSQL (into a SQLite file) and by restores into PostgreSQL.
/// The source is read in one snapshot (unless the caller holds a transaction on it already); the target is written in one
/// transaction, committed only when every target table was empty before and holds as many rows as the source had.
/// </summary>
public static class DatabaseCopier
{
    /// <summary>One side of a copy: an open context and the model of the schema its database has.</summary>
    public sealed record Side(DbContext Context, IRelationalModel Model)
    {
        /// <summary>The context with the model of this build (its database must be at the newest migration).</summary>
        public static Side Current(DbContext context) => new(context, context.Model.GetRelationalModel());

        /// <summary>The context with the schema as a migration of its provider left it (an older database, before it is upgraded).</summary>
        public static Side At(DbContext context, string migrationId) => new(context, ModelAt(context, migrationId));
    }

    /// <summary>Rows per INSERT statement are limited by this many parameters (SQLite and PostgreSQL both take more).</summary>
    private const int ParametersPerStatement = 2000;

    public static async Task<DatabaseCopyReport> CopyAsync(Side source, Side target, CancellationToken cancellationToken = default)
    {
        var pairs = SharedTables(source.Model, target.Model);
        var sourceOnly = source.Model.Tables.Select(t => t.Name)
            .Except(target.Model.Tables.Select(t => t.Name), StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        IAsyncDisposable? snapshot = source.Context.Database.CurrentTransaction is null
            ? await PortalDatabase.SnapshotAsync(source.Context.Database, cancellationToken)
            : null;
        try
        {
            var sourceCounts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var (from, _) in pairs) sourceCounts[from.Name] = await CountAsync(source.Context, from, cancellationToken);
            await RefuseTooLongTextAsync(source.Context, pairs, cancellationToken);

            var ownTransaction = target.Context.Database.CurrentTransaction is null
                ? await target.Context.Database.BeginTransactionAsync(cancellationToken)
                : null;
            try
            {
                var occupied = new List<string>();
                foreach (var (_, to) in pairs)
                {
                    var rows = await CountAsync(target.Context, to, cancellationToken);
                    if (rows > 0) occupied.Add($"{to.Name} ({rows} baris)");
                }
                if (occupied.Count > 0)
                    throw new DatabaseCopyRefusedException($"basis data tujuan sudah berisi data: {string.Join(", ", occupied)}. Salinan hanya ke basis data yang kosong.");

                foreach (var (from, to) in pairs) await CopyTableAsync(source.Context, from, target.Context, to, cancellationToken);

                var copies = new List<TableCopy>();
                foreach (var (from, to) in pairs) copies.Add(new TableCopy(to.Name, sourceCounts[from.Name], await CountAsync(target.Context, to, cancellationToken)));
                var differing = copies.Where(c => c.SourceRows != c.TargetRows).Select(c => $"{c.Table}: {c.SourceRows} → {c.TargetRows}").ToList();
                if (differing.Count > 0)
                    throw new DatabaseCopyRefusedException($"jumlah baris salinan berbeda dari sumbernya: {string.Join("; ", differing)}. Salinan dibatalkan.");

                if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
                return new DatabaseCopyReport(copies, sourceOnly);
            }
            finally
            {
                if (ownTransaction is not null) await ownTransaction.DisposeAsync();
            }
        }
        finally
        {
            if (snapshot is not null) await snapshot.DisposeAsync();
        }
    }

    /// <summary>
    /// The portal's tables that hold rows in this database, with their counts: none for a database that does not exist yet
    /// or that no migration has touched. The tables are those of the last migration applied, which this build must know.
    /// </summary>
    public static async Task<IReadOnlyList<(string Table, long Rows)>> TablesWithRowsAsync(DbContext context, CancellationToken cancellationToken = default)
    {
        if (!await context.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken)) return [];
        var applied = (await context.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        if (applied.Count == 0) return [];
        var occupied = new List<(string, long)>();
        foreach (var table in ModelAt(context, applied[^1]).Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var rows = await CountAsync(context, table, cancellationToken);
            if (rows > 0) occupied.Add((table.Name, rows));
        }
        await context.Database.CloseConnectionAsync();
        return occupied;
    }

    /// <summary>The schema a migration of this context's provider leaves, as a model the copier reads.</summary>
    public static IRelationalModel ModelAt(DbContext context, string migrationId)
    {
        var migrations = context.GetService<IMigrationsAssembly>();
        if (!migrations.Migrations.TryGetValue(migrationId, out var type))
            throw new InvalidOperationException($"Migration {migrationId} is not part of this build.");
        var migration = migrations.CreateMigration(type, context.Database.ProviderName!);
        var model = migration.TargetModel ?? throw new InvalidOperationException($"Migration {migrationId} has no target model.");
        return context.GetService<IModelRuntimeInitializer>().Initialize(model, designTime: true, validationLogger: null).GetRelationalModel();
    }

    /// <summary>The tables both models have, principal tables first; each pair must have the same columns.</summary>
    private static List<(ITable From, ITable To)> SharedTables(IRelationalModel source, IRelationalModel target)
    {
        var sourceTables = source.Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var shared = target.Tables.Where(t => sourceTables.ContainsKey(t.Name)).ToList();
        foreach (var to in shared)
        {
            var from = sourceTables[to.Name];
            var fromColumns = from.Columns.Select(c => c.Name).Order(StringComparer.Ordinal);
            var toColumns = to.Columns.Select(c => c.Name).Order(StringComparer.Ordinal);
            if (!fromColumns.SequenceEqual(toColumns, StringComparer.Ordinal))
                throw new InvalidOperationException($"Table {to.Name} has other columns in the source than in the target; both must be at the same schema.");
        }

        var names = shared.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var ordered = new List<ITable>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var remaining = shared.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        while (remaining.Count > 0)
        {
            // A table goes once every other shared table it refers to is placed (a reference to itself needs no order).
            var ready = remaining.FirstOrDefault(t => t.ForeignKeyConstraints
                .Select(fk => fk.PrincipalTable.Name)
                .Where(principal => principal != t.Name && names.Contains(principal))
                .All(placed.Contains))
                ?? throw new InvalidOperationException(
                    $"Tables {string.Join(", ", remaining.Select(t => t.Name))} refer to each other in a cycle; the copier cannot order them.");
            ordered.Add(ready);
            placed.Add(ready.Name);
            remaining.Remove(ready);
        }
        return ordered.Select(to => (sourceTables[to.Name], to)).ToList();
    }

    /// <summary>A text longer than the target column allows (SQLite never enforced the length) refuses the copy before anything is written.</summary>
    private static async Task RefuseTooLongTextAsync(DbContext source, List<(ITable From, ITable To)> pairs, CancellationToken cancellationToken)
    {
        var sql = source.GetService<ISqlGenerationHelper>();
        var problems = new List<string>();
        foreach (var (from, to) in pairs)
        {
            foreach (var column in to.Columns)
            {
                if (column.PropertyMappings.First().Property.GetMaxLength() is not { } maxLength || column.ProviderClrType != typeof(string)) continue;
                var tooLong = await ScalarAsync(source,
                    $"SELECT COUNT(*) FROM {sql.DelimitIdentifier(from.Name, from.Schema)} WHERE LENGTH({sql.DelimitIdentifier(column.Name)}) > {maxLength}", cancellationToken);
                if (tooLong > 0) problems.Add($"{to.Name}.{column.Name}: {tooLong} baris lebih panjang dari {maxLength} karakter");
            }
        }
        if (problems.Count > 0)
            throw new DatabaseCopyRefusedException(
                $"ada teks yang lebih panjang dari yang diterima basis data tujuan ({string.Join("; ", problems)}). Perpendek isinya di portal sumber, lalu ulangi.");
    }

    private static async Task CopyTableAsync(DbContext source, ITable from, DbContext target, ITable to, CancellationToken cancellationToken)
    {
        var sourceSql = source.GetService<ISqlGenerationHelper>();
        var targetSql = target.GetService<ISqlGenerationHelper>();
        var columns = to.Columns.Select(column => new ColumnCopy(from.FindColumn(column.Name)!, column)).ToList();
        var key = from.PrimaryKey?.Columns.Select(c => sourceSql.DelimitIdentifier(c.Name)).ToList() ?? [];

        await using var read = source.Database.GetDbConnection().CreateCommand();
        read.Transaction = source.Database.CurrentTransaction?.GetDbTransaction();
        read.CommandText = $"SELECT {string.Join(", ", columns.Select(c => sourceSql.DelimitIdentifier(c.From.Name)))} " +
                           $"FROM {sourceSql.DelimitIdentifier(from.Name, from.Schema)}" +
                           (key.Count > 0 ? $" ORDER BY {string.Join(", ", key)}" : "");
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);

        var insertInto = $"INSERT INTO {targetSql.DelimitIdentifier(to.Name, to.Schema)} ({string.Join(", ", columns.Select(c => targetSql.DelimitIdentifier(c.To.Name)))}) VALUES ";
        var rowsPerStatement = Math.Max(1, ParametersPerStatement / columns.Count);
        var batch = new List<object?[]>(rowsPerStatement);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[columns.Count];
            for (var i = 0; i < columns.Count; i++) row[i] = columns[i].Read(reader, i);
            batch.Add(row);
            if (batch.Count == rowsPerStatement) await InsertAsync(target, insertInto, columns, batch, cancellationToken);
        }
        if (batch.Count > 0) await InsertAsync(target, insertInto, columns, batch, cancellationToken);

        if (to.PrimaryKey?.Columns is [var single] && single.ProviderClrType is var keyType && (keyType == typeof(int) || keyType == typeof(long)))
            await PortalDatabase.ContinueIdentitiesAsync(target.Database, targetSql.DelimitIdentifier(to.Name, to.Schema), single.Name,
                targetSql.DelimitIdentifier(single.Name), cancellationToken);
    }

    private static async Task InsertAsync(DbContext target, string insertInto, List<ColumnCopy> columns, List<object?[]> rows, CancellationToken cancellationToken)
    {
        var sql = target.GetService<ISqlGenerationHelper>();
        await using var command = target.Database.GetDbConnection().CreateCommand();
        command.Transaction = target.Database.CurrentTransaction?.GetDbTransaction();
        var text = new System.Text.StringBuilder(insertInto);
        var n = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++, n++)
            {
                var name = "p" + n;
                if (c > 0) text.Append(", ");
                text.Append(sql.GenerateParameterNamePlaceholder(name));
                command.Parameters.Add(columns[c].Parameter(command, sql.GenerateParameterName(name), rows[r][c]));
            }
            text.Append(')');
        }
        command.CommandText = text.ToString();
        await command.ExecuteNonQueryAsync(cancellationToken);
        rows.Clear();
    }

    private static async Task<long> CountAsync(DbContext context, ITable table, CancellationToken cancellationToken) =>
        await ScalarAsync(context, $"SELECT COUNT(*) FROM {context.GetService<ISqlGenerationHelper>().DelimitIdentifier(table.Name, table.Schema)}", cancellationToken);

    private static async Task<long> ScalarAsync(DbContext context, string sql, CancellationToken cancellationToken)
    {
        var connection = context.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await context.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// How one column's values travel: read as the source provider stores them, turned into the model's value by the source
    /// mapping's converter, and written as a parameter of the target's mapping, which converts it for its store (a UTC
    /// instant as SQLite text or as a PostgreSQL timestamptz, an enum as its name).
    /// </summary>
    private sealed class ColumnCopy
    {
        private readonly RelationalTypeMapping fromMapping;
        private readonly RelationalTypeMapping toMapping;
        private readonly Func<DbDataReader, int, object> read;

        public ColumnCopy(IColumn from, IColumn to)
        {
            From = from;
            To = to;
            fromMapping = from.PropertyMappings.First().TypeMapping;
            toMapping = to.PropertyMappings.First().TypeMapping;
            if (fromMapping.ClrType != toMapping.ClrType)
                throw new InvalidOperationException($"Column {to.Table.Name}.{to.Name} holds {fromMapping.ClrType.Name} in the source but {toMapping.ClrType.Name} in the target.");
            var stored = fromMapping.Converter?.ProviderClrType ?? fromMapping.ClrType;
            read = (Func<DbDataReader, int, object>)ReadMethod.MakeGenericMethod(stored).CreateDelegate(typeof(Func<DbDataReader, int, object>));
        }

        public IColumn From { get; }

        public IColumn To { get; }

        public object? Read(DbDataReader reader, int ordinal)
        {
            if (reader.IsDBNull(ordinal)) return null;
            var stored = read(reader, ordinal);
            return fromMapping.Converter is { } converter ? converter.ConvertFromProvider(stored) : stored;
        }

        public DbParameter Parameter(DbCommand command, string name, object? value) => toMapping.CreateParameter(command, name, value, To.IsNullable);

        private static readonly MethodInfo ReadMethod = typeof(ColumnCopy).GetMethod(nameof(ReadAs), BindingFlags.NonPublic | BindingFlags.Static)!;

        private static object ReadAs<T>(DbDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal)!;
    }
}
