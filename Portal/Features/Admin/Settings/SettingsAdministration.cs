using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Admin.Settings;

/// <summary>Checks the administrator and the form, then saves through <see cref="SettingsStore"/> (which audits and notifies).</summary>
public sealed class SettingsAdministration(
    IDbContextFactory<PortalDbContext> dbFactory,
    SettingsStore store,
    IValidator<SettingsForm> validator,
    TimeProvider clock)
{
    public async Task<SettingsForm> LoadAsync(CancellationToken cancellationToken = default) =>
        SettingsForm.From(await store.GetAsync(cancellationToken));

    public async Task<AdminResult> SaveAsync(SettingsForm form, string actorId, CancellationToken cancellationToken = default)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid) return AdminResult.Refused(validation.Errors[0].ErrorMessage);

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var actor = await AdminAccess.ActorAsync(db, actorId, AdminAccess.Administrators, cancellationToken);
            if (actor is null) return AdminResult.NotAllowed;
            var settings = form.ApplyTo(await store.GetAsync(cancellationToken));
            await store.SaveAsync(settings, actor.Id, actor.FullName, clock.GetUtcNow(), cancellationToken);
        }
        return AdminResult.Done("Pengaturan disimpan dan langsung berlaku.");
    }
}
