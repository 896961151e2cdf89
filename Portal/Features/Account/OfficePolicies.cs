using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Workflow;
using Portal.Features.Office;

namespace Portal.Features.Account;

/// <summary>
/// Page and menu policies decided by <see cref="OfficeRules"/> from the person's positions as the database
/// holds them now (own and Plt./Plh.), never from cookie claims that could be stale.
/// </summary>
public static class OfficePolicies
{
    public const string Leadership = "Pimpinan";
    public const string ActingOfficialManagers = "PengelolaPlh";
    public const string Proposers = "Pengusul";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Leadership, p => p.RequireAuthenticatedUser().AddRequirements(new OfficeRequirement(Leadership)));
        options.AddPolicy(ActingOfficialManagers, p => p.RequireAuthenticatedUser().AddRequirements(new OfficeRequirement(ActingOfficialManagers)));
        options.AddPolicy(Proposers, p => p.RequireAuthenticatedUser().AddRequirements(new OfficeRequirement(Proposers)));
    }
}

public sealed record OfficeRequirement(string Policy) : IAuthorizationRequirement;

public sealed class OfficeRequirementHandler(
    IDbContextFactory<PortalDbContext> dbFactory, SopCatalog sops, OfficeTime officeTime, TimeProvider clock)
    : AuthorizationHandler<OfficeRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OfficeRequirement requirement)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return;
        WorkflowActor? actor;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            actor = await ActorDirectory.ResolveAsync(db, userId, officeTime.Today(clock));
        }
        if (actor is null) return;

        var allowed = requirement.Policy switch
        {
            OfficePolicies.Leadership => OfficeRules.IsLeadership(actor),
            OfficePolicies.ActingOfficialManagers => actor.IsAdministrator || OfficeRules.IsHeadOfOffice(actor),
            OfficePolicies.Proposers => actor.IsAdministrator || await MayProposeInAnySopAsync(actor),
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
    }

    private async Task<bool> MayProposeInAnySopAsync(WorkflowActor actor)
    {
        foreach (var sop in await sops.ListAsync())
        {
            var (_, document) = await sops.CurrentAsync(sop.Id);
            if (OfficeRules.MayPropose(document, actor)) return true;
        }
        return false;
    }
}
