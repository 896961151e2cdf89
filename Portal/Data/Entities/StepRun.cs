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
    /// <summary>The person the finisher stood in for as Plt./Plh.; null in their own position or for a vacant one.</summary>
    public string? OnBehalfOf { get; set; }
    /// <summary>"Plt." or "Plh." when the finisher acted as an acting official (for a person or a vacant position).</summary>
    public string? ActingTitle { get; set; }
    /// <summary>The position's name, as it was then, that the finisher acted in as Plt./Plh.</summary>
    public string? ActingPosition { get; set; }
    public string? Note { get; set; }
}
