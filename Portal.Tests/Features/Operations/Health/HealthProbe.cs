using System.Net;
using System.Text.Json;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Health;

/// <summary>One answer of /sehat as a monitor reads it.</summary>
public sealed record HealthAnswer(HttpStatusCode Code, string Status, IReadOnlyDictionary<string, (string Status, string Description)> Checks, string Body)
{
    public string StatusOf(string check) => Checks[check].Status;

    public string DescriptionOf(string check) => Checks[check].Description;
}

public static class HealthProbe
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<HealthAnswer> GetHealthAsync(this PortalAppFactory app)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/sehat");
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(
            check => check.GetProperty("name").GetString()!,
            check => (check.GetProperty("status").GetString()!, check.GetProperty("description").GetString()!));
        return new HealthAnswer(response.StatusCode, json.RootElement.GetProperty("status").GetString()!, checks, body);
    }

    /// <summary>Asks /sehat until the answer matches (the job server reports on its own threads), at most <see cref="Patience"/>.</summary>
    public static async Task<HealthAnswer> WaitForHealthAsync(this PortalAppFactory app, Func<HealthAnswer, bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var answer = await app.GetHealthAsync();
            if (condition(answer)) return answer;
            if (waited.Elapsed > Patience) throw new TimeoutException($"/sehat never matched; last answer {(int)answer.Code}: {answer.Body}");
            await Task.Delay(100);
        }
    }
}
