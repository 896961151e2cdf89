using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Outputs;

namespace Portal.Features.Innovations;

/// <summary>A person a person field may name.</summary>
public sealed record ItemFieldPerson(string Id, string Name);

/// <summary>A file chosen for a file field; <paramref name="OpenRead"/> opens the browser's stream, read once.</summary>
public sealed record ItemFieldUpload(string FileName, long SizeBytes, Func<Stream> OpenRead);

/// <summary>What <see cref="ItemFieldsForm"/> hands over: each value as typed (dates as yyyy-MM-dd) and the file chosen for each file field.</summary>
public sealed record ItemFieldsSubmission(IReadOnlyDictionary<string, string?> Values, IReadOnlyDictionary<string, ItemFieldUpload> Files);

/// <summary>
/// An item's fields checked and ready to store: its title, its values as JSON (files by their attachment id), and
/// the staged files. Disposing deletes staged files that were never placed.
/// </summary>
public sealed class PreparedItemFields(string title, string? valuesJson, IReadOnlyList<StagedUpload> files) : IDisposable
{
    public string Title { get; } = title;
    public string? ValuesJson { get; } = valuesJson;
    public IReadOnlyList<StagedUpload> Files { get; } = files;

    /// <summary>Deletes the files <see cref="ItemFieldsCreate.Apply"/> placed: the save that was to record them failed.</summary>
    public void Withdraw()
    {
        foreach (var file in Files) file.Withdraw();
    }

    public void Dispose()
    {
        foreach (var file in Files) file.Dispose();
    }
}

/// <param name="Problems">A message per field key; empty when <paramref name="Prepared"/> is set.</param>
public sealed record ItemFieldsPreparation(PreparedItemFields? Prepared, IReadOnlyDictionary<string, string> Problems);

/// <summary>
/// Creating an item of an SOP with its own fields, in two halves around the workflow's create transaction:
/// <see cref="PrepareAsync"/> checks the values with the same rules as the form and stages the files (checked by
/// content and size like any output) before anything is stored; <see cref="Apply"/> then puts title, values and
/// files on the new item inside that transaction. A file field's value is its attachment's id; the file is kept
/// as an output of the item's first step run.
/// </summary>
public sealed class ItemFieldsCreate(IDbContextFactory<PortalDbContext> dbFactory, StepOutputs outputs)
{
    public const string TitleKey = "judul";

    /// <summary>Every item has a title, asked first; an SOP's own fields may not use its key.</summary>
    public static ItemFieldDefinition TitleField { get; } =
        new(TitleKey, "Judul", ItemFieldType.Text, Required: true, Help: "Nama singkat yang tampil di kartu papan dan di laporan.");

    public static IReadOnlyList<ItemFieldDefinition> FormFields(IReadOnlyList<ItemFieldDefinition> sopFields) => [TitleField, .. sopFields];

    /// <summary>The active people, by name, for person fields.</summary>
    public async Task<IReadOnlyList<ItemFieldPerson>> PeopleAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.FullName)
            .Select(u => new ItemFieldPerson(u.Id, u.FullName)).ToListAsync(cancellationToken);
    }

    /// <param name="stored">When an item's fields are edited: its stored values; a file field with no new file keeps its stored file.</param>
    public async Task<ItemFieldsPreparation> PrepareAsync(IReadOnlyList<ItemFieldDefinition> sopFields, ItemFieldsSubmission submission,
        IReadOnlyDictionary<string, string>? stored = null, CancellationToken cancellationToken = default)
    {
        var fields = FormFields(sopFields);
        if (ItemFieldRules.DefinitionProblems(fields) is [var definitionProblem, ..])
            return new ItemFieldsPreparation(null, new Dictionary<string, string>
            {
                [TitleKey] = $"Definisi isian SOP ini tidak valid ({definitionProblem}); hubungi administrator.",
            });

        var problems = new Dictionary<string, string>(StringComparer.Ordinal);

        var inputs = fields.Where(f => f.Type != ItemFieldType.File)
            .ToDictionary(f => f.Key, f => submission.Values.GetValueOrDefault(f.Key), StringComparer.Ordinal);
        var staged = new List<StagedUpload>();
        try
        {
            var kept = new HashSet<Guid>();
            foreach (var field in fields.Where(f => f.Type == ItemFieldType.File))
            {
                if (!submission.Files.TryGetValue(field.Key, out var file))
                {
                    if (stored?.GetValueOrDefault(field.Key) is { } storedFile && Guid.TryParse(storedFile, out var keptId))
                    {
                        kept.Add(keptId);
                        inputs[field.Key] = storedFile;
                    }
                    continue;
                }
                var (upload, refusal) = await StageAsync(file, cancellationToken);
                if (upload is null) problems[field.Key] = $"{field.Label}: {refusal}";
                else
                {
                    staged.Add(upload);
                    inputs[field.Key] = upload.Id.ToString("D");
                }
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var activePeople = (await db.Users.AsNoTracking().Where(u => u.IsActive).Select(u => u.Id).ToListAsync(cancellationToken)).ToHashSet();
            var check = ItemFieldRules.Check(fields, inputs, new ItemFieldContext(activePeople, staged.Select(s => s.Id).Concat(kept).ToHashSet()));
            foreach (var (key, problem) in check.Problems) problems.TryAdd(key, problem);
            if (problems.Count > 0)
            {
                staged.ForEach(s => s.Dispose());
                return new ItemFieldsPreparation(null, problems);
            }

            var values = check.Values.Where(v => v.Key != TitleKey).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
            return new ItemFieldsPreparation(new PreparedItemFields(check.Values[TitleKey], ItemFieldsJson.SerializeValues(values), staged), problems);
        }
        catch
        {
            staged.ForEach(s => s.Dispose());
            throw;
        }
    }

    /// <summary>
    /// Inside the create transaction, before its save: gives the new item its title and values and records the staged
    /// files as outputs of its first step run. If the save fails, call <see cref="PreparedItemFields.Withdraw"/>.
    /// </summary>
    public void Apply(PortalDbContext db, Innovation innovation, StepRun firstRun, PreparedItemFields prepared, string uploaderId, string uploaderName,
        DateTimeOffset now)
    {
        innovation.Title = prepared.Title;
        innovation.FieldValuesJson = prepared.ValuesJson;
        foreach (var upload in prepared.Files)
        {
            var attachment = outputs.Place(upload, innovation.Id, firstRun, uploaderId, uploaderName, now);
            // The item and its run may be new: the navigations let the save fill in their ids.
            attachment.Innovation = innovation;
            attachment.StepRun = firstRun;
            db.Attachments.Add(attachment);
        }
    }

    private async Task<(StagedUpload? Upload, string? Refusal)> StageAsync(ItemFieldUpload file, CancellationToken cancellationToken)
    {
        try
        {
            await using var content = file.OpenRead();
            var result = await outputs.StageAsync(file.FileName, content, cancellationToken);
            return (result.Upload, result.Refusal);
        }
        catch (IOException)
        {
            return (null, FileTypes.UploadInterrupted);
        }
    }
}
