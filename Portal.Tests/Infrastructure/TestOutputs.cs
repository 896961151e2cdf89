using Portal.Data;
using Portal.Features.Outputs;

namespace Portal.Tests.Infrastructure;

public static class TestOutputs
{
    /// <summary>Uploads a small PDF as the current step's output, as the person doing the step would.</summary>
    public static async Task AttachAsync(this PortalAppFactory app, int innovationId, string userId, string fileName = "keluaran langkah.pdf")
    {
        using var content = new MemoryStream(DemoDocument.Pdf("Keluaran langkah", fileName));
        var result = await app.Get<StepOutputs>().UploadAsync(innovationId, fileName, content, userId);
        Assert.True(result.Succeeded, result.Message);
    }
}
