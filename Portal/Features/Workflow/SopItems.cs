using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Features.Workflow;

/// <summary>
/// What an SOP's items are called and where they live: the innovation SOP runs "inovasi"; any other SOP runs
/// "pelaksanaan" (one run of the SOP), recorded in the generic Laporan Pelaksanaan SOP.
/// </summary>
public static class SopItems
{
    public static string Noun(SopRecordKind kind) => kind == SopRecordKind.InovasiPelayanan ? SopDocument.InnovationNoun : "pelaksanaan";

    public static string StartLabel(SopRecordKind kind) => kind == SopRecordKind.InovasiPelayanan ? "Usulkan inovasi" : "Mulai pelaksanaan";

    /// <summary>The form that starts an item of this SOP (the innovation SOP keeps its address).</summary>
    public static string StartHref(SopSummary sop) => sop.RecordKind == SopRecordKind.InovasiPelayanan ? "/inovasi/baru" : $"/inovasi/baru/{sop.Slug}";

    public static string BoardHref(SopSummary sop) => $"/papan/{sop.Slug}";

    public static string ScreenHref(SopSummary sop) => $"/layar/{sop.Slug}";

    public static string SopPageHref(SopSummary sop) => $"/sop/{sop.Slug}";

    /// <summary>What a page says when its address names no SOP the office runs.</summary>
    public static string UnknownSlug(string slug) =>
        $"Tidak ada SOP dengan alamat \"{slug}\". Periksa tautannya, atau pilih SOP dari daftar SOP.";

    /// <summary>Whether this person may start an item of the SOP (the office's rule: who holds the first step's level in a bidang).</summary>
    public static bool MayStart(SopDocument sop, WorkflowActor? actor) => actor is not null && OfficeRules.MayPropose(sop, actor);

    /// <summary>
    /// The bidang an item started by this person may belong to: those where they may act on the first step in their own
    /// right (not as Plt./Plh.) through a position of that bidang.
    /// </summary>
    public static IReadOnlyList<int> BidangChoices(SopDocument sop, WorkflowActor? actor, IEnumerable<int> bidangIds) =>
        actor is null || !MayStart(sop, actor) ? [] : bidangIds
            .Where(b => OfficeRules.CapacityFor(sop, sop.First, new InnovationState(sop.First.Number, InnovationStatus.Berjalan, b), actor)
                is { IsActing: false, BidangId: not null })
            .ToList();
}
