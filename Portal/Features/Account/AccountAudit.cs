using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Workflow;

namespace Portal.Features.Account;

/// <summary>Writes account events (sign-in, lockout, role changes) to the audit trail.</summary>
public sealed class AccountAudit(IDbContextFactory<PortalDbContext> dbFactory, WriteGate writeGate, TimeProvider clock)
{
    public async Task WriteAsync(string? actorId, string actorName, string action, string? detail, string? reason = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), ActorId = actorId, ActorName = actorName, Action = action, Detail = detail, Reason = reason,
        });
        await writeGate.RunAsync(() => db.SaveChangesAsync(), CancellationToken.None);
    }
}
