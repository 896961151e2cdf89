using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Board;
using Portal.Features.Innovations;
using Portal.Features.Office;
using Portal.Features.Workflow;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// bUnit page tests on a real portal: the pages get that portal's services (clock, database, board snapshots, SOPs,
/// workflow), so what they render comes from the same data and rules the running portal uses.
/// </summary>
internal static class PortalPages
{
    public static BunitContext UseServicesOf(this BunitContext context, PortalAppFactory app)
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        // The pages see an office PC's window (loose JS interop would report 0×0, a phone); phone layouts are tested in Chromium.
        context.JSInterop.Setup<MudBlazor.Services.BrowserWindowSize>("mudResizeListener.getBrowserWindowSize")
            .SetResult(new MudBlazor.Services.BrowserWindowSize { Width = 1366, Height = 768 });
        context.Services.AddMudServices();
        context.Services.AddSingleton(app.Get<TimeProvider>());
        context.Services.AddSingleton(app.Get<OfficeTime>());
        context.Services.AddSingleton(app.Get<IDbContextFactory<PortalDbContext>>());
        context.Services.AddSingleton(app.Get<BoardSnapshots>());
        context.Services.AddSingleton(app.Get<BoardChoices>());
        context.Services.AddSingleton(app.Get<SopCatalog>());
        context.Services.AddSingleton(app.Get<WorkflowService>());
        context.Services.AddSingleton(app.Get<InnovationQueries>());
        context.Services.AddSingleton(app.Get<InnovationEvents>());
        context.Services.AddSingleton(app.Get<MissedChanges>());
        context.Services.AddScoped<MoveInteraction>();
        return context;
    }

    /// <summary>The page sees this person signed in, as the portal's cookie would say.</summary>
    public static void SignIn(this BunitContext context, PortalUser person) =>
        context.AddAuthorization().SetAuthorized(person.UserName!).SetClaims(new Claim(ClaimTypes.NameIdentifier, person.Id));
}
