using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Admin.Office;

/// <summary>Checks the administrator and the form, then saves through <see cref="OfficeProfileStore"/> (which audits and announces).</summary>
public sealed class OfficeProfileAdministration(
    IDbContextFactory<PortalDbContext> dbFactory,
    OfficeProfileStore store,
    IValidator<OfficeProfileForm> validator,
    TimeProvider clock)
{
    public const string Saved =
        "Profil kantor disimpan. Zona waktu dan jam kerja yang baru berlaku untuk langkah yang dimulai sesudah ini; tenggat yang sudah ditetapkan tidak berubah.";

    public async Task<OfficeProfileForm> LoadAsync(CancellationToken cancellationToken = default) =>
        OfficeProfileForm.From(await store.GetAsync(cancellationToken));

    public async Task<AdminResult> SaveAsync(OfficeProfileForm form, string actorId, CancellationToken cancellationToken = default)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid) return AdminResult.Refused(validation.Errors[0].ErrorMessage);

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var actor = await AdminAccess.ActorAsync(db, actorId, AdminAccess.Administrators, cancellationToken);
            if (actor is null) return AdminResult.NotAllowed;
            await store.SaveAsync(form.ToProfile(), actor.Id, actor.FullName, clock.GetUtcNow(), cancellationToken);
        }
        return AdminResult.Done(Saved);
    }
}
