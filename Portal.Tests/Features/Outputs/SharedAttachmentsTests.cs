using Portal.Data;
using Portal.Features.Outputs;
using Portal.Features.Workflow;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Outputs;

/// <summary>
/// Two instances on one PostgreSQL with one shared outputs folder (Portal:AttachmentsDirectory): a file uploaded
/// through one is opened through the other, and the other's start-up never takes it for a leftover.
/// </summary>
public sealed class SharedAttachmentsTests : IAsyncLifetime, IRunsOnPostgreSql
{
    private readonly string shared = Path.Combine(Path.GetTempPath(), "portal-lampiran-bersama-" + Guid.NewGuid().ToString("N"));
    private readonly PortalAppFactory first;
    private PortalAppFactory? second;

    public SharedAttachmentsTests() =>
        first = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Portal:AttachmentsDirectory"] = shared }, provider: DatabaseProvider.PostgreSql);

    public Task InitializeAsync() => Task.CompletedTask;

    [ProviderFact]
    public async Task An_output_uploaded_through_one_instance_is_opened_through_the_other()
    {
        var fungsional = await first.IdAsync(DemoPeople.FungsionalPdip);
        var created = await first.Get<WorkflowService>().CreateAsync(WorkflowServiceTests.Details("Lampiran di folder bersama"), fungsional);
        Assert.True(created.Succeeded, created.Message);
        var pdf = DemoDocument.Pdf("Hasil identifikasi", "hasil identifikasi.pdf");
        using (var content = new MemoryStream(pdf))
        {
            var uploaded = await first.Get<StepOutputs>().UploadAsync(created.InnovationId!.Value, "hasil identifikasi.pdf", content, fungsional);
            Assert.True(uploaded.Succeeded, uploaded.Message);
        }
        Assert.StartsWith(shared, first.Get<StepOutputs>().Folder);

        var settings = first.SecondInstanceSettings();
        settings["Portal:AttachmentsDirectory"] = shared;
        second = new PortalAppFactory(settings: settings, provider: DatabaseProvider.PostgreSql);
        await using var db = second.CreateDbContext();
        var attachment = db.Attachments.Single(a => a.InnovationId == created.InnovationId);

        var opened = await second.Get<StepOutputs>().OpenAsync(attachment.Id, await second.IdAsync(DemoPeople.KabidPdip));
        Assert.NotNull(opened);
        await using var stream = opened.Value.Content;
        using var read = new MemoryStream();
        await stream.CopyToAsync(read);
        Assert.Equal(pdf, read.ToArray());
    }

    public async Task DisposeAsync()
    {
        if (second is not null) await second.DisposeAsync();
        await first.DisposeAsync();
        if (Directory.Exists(shared)) Directory.Delete(shared, recursive: true);
    }
}
