using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Outputs;
using Portal.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Faults;

/// <summary>
/// The child process of <see cref="SigkillTests"/>: the real portal on the given data folder, with writers that move
/// the load-test innovations from step 3 to step 6 and an uploader that attaches 64 KiB outputs, without end. Each
/// write the portal confirmed is printed on its own line at once (<c>moved id version</c>, <c>uploaded guid</c>), so
/// the parent knows exactly what a person was told was saved when it kills this process.
/// </summary>
public static class MoveBurstChild
{
    public const string Verb = "move-burst";
    public const string Ready = "ready";
    public const string Moved = "moved";
    public const string Uploaded = "uploaded";
    public const string TitlePrefix = "Inovasi uji beban";

    private const int Writers = 4;

    /// <summary>From the SOP reading: step 3 verified by the Kepala Bidang, 4 verified and 5 approved by the Kepala Dinas; none needs an output.</summary>
    public static readonly IReadOnlyDictionary<int, (string Nip, WorkflowActionKind Action)> NextMove = new Dictionary<int, (string, WorkflowActionKind)>
    {
        [3] = (DemoPeople.KabidPdip, WorkflowActionKind.Advance),
        [4] = (DemoPeople.KepalaDinas, WorkflowActionKind.Advance),
        [5] = (DemoPeople.KepalaDinas, WorkflowActionKind.Approve),
    };

    public static async Task<int> RunAsync(string dataDirectory)
    {
        await using var app = new PortalAppFactory(dataDirectory: dataDirectory, settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            // Background jobs are not what is under test here; their start-up would only lengthen each restart.
            ["Alerts:RunServer"] = "false",
            ["Logging:LogLevel:Portal.Features.Operations.Faults"] = "Information",
        });
        var workflow = app.Get<WorkflowService>();
        var outputs = app.Get<StepOutputs>();
        var actors = new Dictionary<string, string>();
        foreach (var nip in NextMove.Values.Select(m => m.Nip).Distinct()) actors[nip] = await app.IdAsync(nip);

        List<int> pending;
        await using (var db = app.CreateDbContext())
        {
            pending = await db.Innovations
                .Where(i => i.Title.StartsWith(TitlePrefix) && i.Status == InnovationStatus.Berjalan && i.CurrentStep >= 3 && i.CurrentStep <= 5)
                .OrderBy(i => i.Id).Select(i => i.Id).ToListAsync();
        }
        var queue = new System.Collections.Concurrent.ConcurrentQueue<int>(pending);
        Console.Out.WriteLine(Ready);

        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var id))
            {
                while (await CurrentAsync(app, id) is { } current && NextMove.TryGetValue(current.Step, out var move))
                {
                    var result = await workflow.MoveAsync(new MoveCommand(id, current.Version, move.Action), actors[move.Nip]);
                    if (!result.Succeeded) throw new InvalidOperationException($"Move of {id} refused: {result.Message}");
                    Console.Out.WriteLine($"{Moved} {id} {result.Version}");
                }
            }
        })).ToList();
        var uploader = Task.Run(async () =>
        {
            var content = new byte[64 * 1024];
            DemoDocument.Pdf("Keluaran uji", "SIGKILL").CopyTo(content, 0);
            var kabid = actors[DemoPeople.KabidPdip];
            // From the far end of the queue, where the writers have not yet moved anything past step 3.
            foreach (var id in Enumerable.Reverse(pending))
            {
                if (writers.All(w => w.IsCompleted)) break;
                // Only while the Kepala Bidang holds step 3; a move meanwhile makes the upload a refusal, not an error.
                var result = await outputs.UploadAsync(id, "keluaran uji.pdf", new MemoryStream(content), kabid);
                if (result.Succeeded) Console.Out.WriteLine($"{Uploaded} {result.AttachmentId}");
            }
        });
        await Task.WhenAll(writers.Append(uploader));
        Console.Out.WriteLine("done");
        return 0;
    }

    private static async Task<(int Step, long Version)?> CurrentAsync(PortalAppFactory app, int id)
    {
        await using var db = app.CreateDbContext();
        var innovation = await db.Innovations.AsNoTracking().Where(i => i.Id == id && i.Status == InnovationStatus.Berjalan)
            .Select(i => new { i.CurrentStep, i.Version }).SingleOrDefaultAsync();
        return innovation is null ? null : (innovation.CurrentStep, innovation.Version);
    }
}
