using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Features.Operations.Faults;

/// <summary>
/// Sees every database connection, command and transaction of the portal (pages, jobs, Identity, administration): a
/// storage failure or a database server that cannot be reached is reported to the <see cref="StorageAlarm"/>, a
/// committed write tells it writes work.
/// </summary>
public sealed class StorageFailureInterceptor(StorageAlarm alarm) : DbCommandInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor
{
    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => alarm.Recognise(eventData.Exception);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        alarm.Recognise(eventData.Exception);
        return Task.CompletedTask;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => alarm.Recognise(eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        alarm.Recognise(eventData.Exception);
        return Task.CompletedTask;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        // Outside a transaction a statement commits by itself.
        if (command.Transaction is null) alarm.Succeeded();
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (command.Transaction is null) alarm.Succeeded();
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => alarm.Succeeded();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        alarm.Succeeded();
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => alarm.Recognise(eventData.Exception);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        alarm.Recognise(eventData.Exception);
        return Task.CompletedTask;
    }
}
