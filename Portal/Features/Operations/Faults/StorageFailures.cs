using Microsoft.Data.Sqlite;
using Npgsql;

namespace Portal.Features.Operations.Faults;

public enum StorageProblem
{
    /// <summary>The disk (or SQLite's page limit) has no room for the write.</summary>
    Full,

    /// <summary>The disk refused the write for another reason: an I/O error, a read-only file system.</summary>
    Unwritable,

    /// <summary>The database server (PostgreSQL) cannot be reached: it is down, restarting, or takes no more connections.</summary>
    Unreachable,
}

/// <summary>A write the server's storage refused; its message is the one a person reads.</summary>
public sealed class StorageFailureException(StorageProblem problem, Exception cause)
    : Exception(StorageFailures.MessageFor(problem), cause)
{
    public StorageProblem Problem { get; } = problem;
}

/// <summary>
/// Recognises the exceptions that mean the server's storage refused a write: SQLite's SQLITE_FULL, SQLITE_IOERR and
/// SQLITE_READONLY, PostgreSQL's insufficient resources (class 53, e.g. 53100 disk_full), I/O error and read-only
/// transaction (a standby), a PostgreSQL server that cannot be reached, and the operating system's "no space left" or
/// "read-only file system" errors on files.
/// </summary>
public static class StorageFailures
{
    public const string FullMessage = "Penyimpanan server penuh; hubungi administrator.";
    public const string UnwritableMessage = "Penyimpanan server tidak dapat ditulis; hubungi administrator.";
    public const string UnreachableMessage = "Server basis data tidak dapat dihubungi; hubungi administrator.";

    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;

    // errno values on Linux (IOException.HResult carries the raw errno on Unix).
    private const int NoSpaceLeft = 28;
    private const int ReadOnlyFileSystem = 30;
    private const int QuotaExceeded = 122;

    // HRESULTs on Windows: ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL, ERROR_WRITE_PROTECT.
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsWriteProtect = unchecked((int)0x80070013);

    public static string MessageFor(StorageProblem problem) => problem switch
    {
        StorageProblem.Full => FullMessage,
        StorageProblem.Unreachable => UnreachableMessage,
        _ => UnwritableMessage,
    };

    /// <summary>The storage problem behind this exception or one of its inner exceptions; null when it is something else.</summary>
    public static StorageProblem? Classify(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case StorageFailureException failure:
                    return failure.Problem;
                case SqliteException sqlite:
                    // The primary result code is the low byte of an extended one.
                    switch (sqlite.SqliteErrorCode & 0xFF)
                    {
                        case SqliteFull: return StorageProblem.Full;
                        case SqliteIoError or SqliteReadOnly: return StorageProblem.Unwritable;
                    }
                    break;
                case PostgresException postgres when PostgreSqlProblem(postgres.SqlState) is { } problem:
                    return problem;
                case NpgsqlException { IsTransient: true } npgsql when npgsql is not PostgresException:
                    // No answer from the server: the connection was refused, broken or timed out.
                    return StorageProblem.Unreachable;
                case IOException io when IsDiskFull(io.HResult):
                    return StorageProblem.Full;
                case IOException io when IsReadOnly(io.HResult):
                    return StorageProblem.Unwritable;
            }
        }
        return null;
    }

    /// <summary>By SQLSTATE (PostgreSQL appendix A): what the server's state, not the statement, is to blame for.</summary>
    private static StorageProblem? PostgreSqlProblem(string sqlState) => sqlState switch
    {
        // too_many_connections: the server takes no one else now.
        "53300" => StorageProblem.Unreachable,
        // Insufficient resources: disk_full, out_of_memory, configuration_limit_exceeded.
        ['5', '3', _, _, _] => StorageProblem.Full,
        // io_error, read_only_sql_transaction (the server is a standby or in read-only mode).
        "58030" or "25006" => StorageProblem.Unwritable,
        // Connection exceptions, and the server shutting down or still starting.
        ['0', '8', _, _, _] or "57P01" or "57P02" or "57P03" => StorageProblem.Unreachable,
        _ => null,
    };

    private static bool IsDiskFull(int hresult) => OperatingSystem.IsWindows()
        ? hresult is WindowsDiskFull or WindowsHandleDiskFull
        : hresult is NoSpaceLeft or QuotaExceeded;

    private static bool IsReadOnly(int hresult) => OperatingSystem.IsWindows()
        ? hresult == WindowsWriteProtect
        : hresult == ReadOnlyFileSystem;
}
