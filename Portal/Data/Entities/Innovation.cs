using Portal.Domain;

namespace Portal.Data.Entities;

public enum InnovationType { Digital, NonDigital }

public enum GovernmentAffair { TataKelolaPemerintahan, PelayananPublik, Lainnya }

/// <summary>An innovation running through the SOP. Changed only by the workflow service.</summary>
public sealed class Innovation
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public required string Background { get; set; }
    public required string Goal { get; set; }
    public required string Benefit { get; set; }
    public InnovationType Type { get; set; }
    public GovernmentAffair Affair { get; set; }
    public decimal? Budget { get; set; }
    public DateOnly StartDate { get; set; }

    /// <summary>The values of the SOP's own item fields, as JSON keyed by field key; null when the SOP defines none.</summary>
    public string? FieldValuesJson { get; set; }

    public int BidangId { get; set; }
    public Bidang? Bidang { get; set; }
    public required string ProposerId { get; set; }
    public PortalUser? Proposer { get; set; }

    public int SopDefinitionId { get; set; }
    public SopDefinition? SopDefinition { get; set; }
    public int CurrentStep { get; set; }
    public InnovationStatus Status { get; set; }
    public int ReturnCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? LastChangedByName { get; set; }

    /// <summary>Optimistic concurrency token: SQLite has no rowversion, so the workflow bumps it on every change.</summary>
    public long Version { get; set; }

    public List<StepRun> StepRuns { get; set; } = [];

    public InnovationState State => new(CurrentStep, Status, BidangId);
}
