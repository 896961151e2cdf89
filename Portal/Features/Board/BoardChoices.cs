using Portal.Domain;
using Portal.Features.Workflow;

namespace Portal.Features.Board;

/// <summary>The SOP boards a person's switcher lists; the first is the board "/" and "/papan" open.</summary>
public sealed class BoardChoices(SopCatalog catalog)
{
    public async Task<IReadOnlyList<SopSummary>> ForAsync(WorkflowActor? actor, CancellationToken cancellationToken = default) =>
        await catalog.ListAsync(cancellationToken);
}
