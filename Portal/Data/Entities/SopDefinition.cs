using System.Text.Json;
using Portal.Domain;

namespace Portal.Data.Entities;

/// <summary>One version of the SOP. Immutable once stored: an edit stores a new version.</summary>
public sealed class SopDefinition
{
    public int Id { get; set; }
    public int SopId { get; set; }
    public Sop? Sop { get; set; }
    public required string Code { get; set; }
    public int Version { get; set; }
    public required string HeaderJson { get; set; }

    /// <summary>The pelaksana columns in order, as JSON (name and position level each).</summary>
    public required string PelaksanaJson { get; set; }
    public string? ChangeNote { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedByName { get; set; }

    /// <summary>The fields an item of this SOP carries, as JSON (see <c>Domain.ItemFields</c>); null for the innovation SOP's own fields.</summary>
    public string? FieldsJson { get; set; }
    public List<SopStep> Steps { get; set; } = [];

    public SopDocument ToDocument() => new(
        Version,
        SopJson.ParseHeader(HeaderJson),
        SopJson.ParsePelaksana(PelaksanaJson),
        Steps.OrderBy(s => s.Number).Select(s => s.ToDefinition()).ToList());

    public static SopDefinition From(int sopId, SopDocument document, string? changeNote, DateTimeOffset createdAt, string? createdBy) => new()
    {
        SopId = sopId,
        Code = document.Header.Nomor,
        Version = document.Version,
        HeaderJson = SopJson.SerializeHeader(document.Header),
        PelaksanaJson = SopJson.SerializePelaksana(document.Pelaksana),
        ChangeNote = changeNote,
        CreatedAt = createdAt,
        CreatedByName = createdBy,
        Steps = document.Steps.Select(SopStep.From).ToList(),
    };
}

public sealed class SopStep
{
    public int Id { get; set; }
    public int SopDefinitionId { get; set; }
    public int Number { get; set; }
    public required string ShortName { get; set; }
    public required string Activity { get; set; }
    /// <summary>Index of the step's pelaksana column.</summary>
    public int Pelaksana { get; set; }
    public StepKind Kind { get; set; }
    public int? DurationValue { get; set; }
    public DurationUnit? DurationUnit { get; set; }
    public required string InputsJson { get; set; }
    public required string Output { get; set; }
    public int? ReturnToStep { get; set; }
    public InnovationStage Stage { get; set; }
    public bool RequiresOutput { get; set; }

    public SopStepDefinition ToDefinition() => new(
        Number, ShortName, Activity, Pelaksana, Kind,
        DurationValue is { } value ? new SopDuration(value, DurationUnit ?? Domain.DurationUnit.WorkingDays) : null,
        JsonSerializer.Deserialize<List<string>>(InputsJson) ?? [],
        Output, ReturnToStep, Stage, RequiresOutput);

    public static SopStep From(SopStepDefinition step) => new()
    {
        Number = step.Number,
        ShortName = step.ShortName,
        Activity = step.Activity,
        Pelaksana = step.Pelaksana,
        Kind = step.Kind,
        DurationValue = step.Duration?.Value,
        DurationUnit = step.Duration?.Unit,
        InputsJson = JsonSerializer.Serialize(step.Inputs),
        Output = step.Output,
        ReturnToStep = step.ReturnToStep,
        Stage = step.Stage,
        RequiresOutput = step.RequiresOutput,
    };
}
