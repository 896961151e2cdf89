using Portal.Domain;

namespace Portal.Data.Entities;

/// <summary>One run of one SOP step for one innovation; a returned step that is done again gets a new run.</summary>
public sealed class StepRun
{
    public long Id { get; set; }
    public int InnovationId { get; set; }
    public Innovation? Innovation { get; set; }
    public int StepNumber { get; set; }
    public int RunNumber { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public StepOutcome? Outcome { get; set; }
    public string? FinishedById { get; set; }
    public string? FinishedByName { get; set; }
    public string? OnBehalfOf { get; set; }
    public string? Note { get; set; }
}
