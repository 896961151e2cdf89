using Portal.Domain;
using Portal.Features.Workflow;

namespace Portal.Features.Board;

/// <summary>
/// The SOP boards a person's switcher lists: the SOPs where they are a pelaksana (all of them for someone who acts in
/// none, e.g. an administrator). The first is the board "/" and "/papan" open.
/// </summary>
public sealed class BoardChoices(SopCatalog catalog)
{
    public async Task<IReadOnlyList<SopSummary>> ForAsync(WorkflowActor? actor, CancellationToken cancellationToken = default)
    {
        var all = await catalog.ListAsync(cancellationToken);
        if (actor is null) return all;
        var mine = new List<SopSummary>();
        foreach (var sop in all)
        {
            var (_, current) = await catalog.CurrentAsync(sop.Id, cancellationToken);
            if (OfficeRules.IsPelaksanaOf(current, actor)) mine.Add(sop);
        }
        return mine.Count > 0 ? mine : all;
    }
}
