using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Office;
using Portal.Features.Sop;
using Portal.Features.Workflow;

namespace Portal.Features.Admin.SopEditor;

/// <summary>
/// Edits of the SOP become a new version: stored versions never change, so an innovation keeps the
/// version it started with (its <c>SopDefinitionId</c>) and new innovations take the newest.
/// </summary>
public sealed class SopAdministration(
    IDbContextFactory<PortalDbContext> dbFactory,
    SopCatalog catalog,
    IValidator<SopRevision> validator,
    TimeProvider clock,
    OfficeTime officeTime)
{
    public async Task<(SopDocument Current, SopRevision Revision)> StartRevisionAsync(int sopId, CancellationToken cancellationToken = default)
    {
        var (id, current) = await catalog.CurrentAsync(sopId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await db.SopDefinitions.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new { d.FieldsJson, d.Sop!.RecordKind }).SingleAsync(cancellationToken);
        return (current, new SopRevision
        {
            BasedOnDefinitionId = id,
            Steps = current.Steps.Select(SopStepEdit.From).ToList(),
            HasItemFields = version.RecordKind != SopRecordKind.InovasiPelayanan,
            Fields = ItemFieldsJson.ParseDefinitions(version.FieldsJson).Select(ItemFieldEdit.From).ToList(),
        });
    }

    public async Task<AdminResult> SaveNewVersionAsync(SopRevision revision, string actorId, CancellationToken cancellationToken = default)
    {
        var validation = await validator.ValidateAsync(revision, cancellationToken);
        if (!validation.IsValid) return AdminResult.Refused(validation.Errors[0].ErrorMessage);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ExecuteAsync(actorId, AdminAccess.Administrators, async actor =>
        {
            var sopId = await db.SopDefinitions.Where(s => s.Id == revision.BasedOnDefinitionId).Select(s => (int?)s.SopId).FirstOrDefaultAsync(cancellationToken);
            if (sopId is null) return AdminResult.Refused("SOP yang diubah tidak ditemukan. Muat ulang halaman, lalu ulangi perubahan Anda.");
            var latest = await db.SopDefinitions.AsNoTracking().Include(s => s.Steps).Include(s => s.Sop)
                .Where(s => s.SopId == sopId).OrderByDescending(s => s.Version).FirstAsync(cancellationToken);
            if (latest.Id != revision.BasedOnDefinitionId)
            {
                return AdminResult.Refused(
                    $"SOP sudah diubah menjadi versi {latest.Version} oleh {latest.CreatedByName ?? "orang lain"} pada {officeTime.DateTime(latest.CreatedAt)}. "
                    + "Muat ulang halaman, lalu ulangi perubahan Anda.");
            }

            var current = latest.ToDocument();
            var edits = revision.Steps.ToDictionary(s => s.Number);
            if (edits.Count != current.Steps.Count || current.Steps.Any(s => !edits.ContainsKey(s.Number)))
                return AdminResult.Refused("Langkah yang dikirim tidak cocok dengan SOP saat ini; muat ulang halaman.");

            var next = current with { Version = current.Version + 1, Steps = current.Steps.Select(s => edits[s.Number].ApplyTo(s)).ToList() };
            var changes = SopChanges.Compare(current, next);
            var problems = SopDefinitionRules.Problems(next);
            if (problems.Count > 0) return AdminResult.Refused("SOP tidak dapat disimpan: " + string.Join("; ", problems) + ".");

            // The item fields travel with every version; the innovation SOP keeps its fixed SINOVIK fields.
            var fieldsJson = latest.FieldsJson;
            var fieldChange = (string?)null;
            if (latest.Sop!.RecordKind != SopRecordKind.InovasiPelayanan)
            {
                var fields = ItemFieldEdit.ToDefinitions(revision.Fields);
                var fieldProblems = ItemFieldRules.DefinitionProblems(fields);
                if (fieldProblems.Count > 0) return AdminResult.Refused("Isian data permohonan tidak dapat disimpan: " + string.Join("; ", fieldProblems) + ".");
                fieldsJson = fields.Count == 0 ? null : ItemFieldsJson.SerializeDefinitions(fields);
                fieldChange = ItemFieldChanges.Describe(ItemFieldsJson.ParseDefinitions(latest.FieldsJson), fields);
            }
            if (changes.Count == 0 && fieldChange is null)
                return AdminResult.Refused("Tidak ada perubahan pada langkah atau isian SOP; versi baru tidak dibuat.");

            var now = clock.GetUtcNow();
            var note = revision.ChangeNote.Trim();
            var stored = SopDefinition.From(latest.SopId, next, note, now, actor.FullName);
            stored.FieldsJson = fieldsJson;
            db.SopDefinitions.Add(stored);
            var described = string.Join("; ", new[] { changes.Count == 0 ? null : SopChanges.Describe(changes), fieldChange }.OfType<string>());
            db.AuditEntries.Add(new AuditEntry
            {
                At = now, ActorId = actor.Id, ActorName = actor.FullName, Action = AuditActions.SopChanged,
                Detail = $"Versi {next.Version}: {described}", Reason = note,
            });
            return AdminResult.Done($"SOP versi {next.Version} disimpan. Inovasi yang sedang berjalan tetap memakai versinya; inovasi baru memakai versi {next.Version}.");
        }, cancellationToken);
    }
}
