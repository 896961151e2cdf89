using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Portal.Features.Workflow;

namespace Portal.Features.Cluster;

public enum ClusterMessageKind
{
    /// <summary>An item changed (<see cref="ClusterMessage.Innovation"/>): boards, lists and its detail page read it again.</summary>
    Innovation,

    /// <summary>These people's notifications changed (<see cref="ClusterMessage.Recipients"/>): their bells count again.</summary>
    Notifications,

    /// <summary>The rows behind a cache changed (<see cref="ClusterMessage.Cache"/>, an <see cref="Data.IInstanceCache.Name"/>).</summary>
    Cache,

    /// <summary>The sender could not announce some changes: read everything again.</summary>
    Missed,
}

/// <summary>
/// One NOTIFY payload between instances of the portal: who sent it (an instance ignores its own), the kind of change and
/// the ids a receiver needs to read it again from the database. Never the rows themselves: PostgreSQL takes at most 8000
/// bytes, so a message that would not fit is sent as <see cref="ClusterMessageKind.Missed"/>.
/// </summary>
public sealed record ClusterMessage(
    Guid From,
    ClusterMessageKind Kind,
    InnovationChanged? Innovation = null,
    IReadOnlyList<string>? Recipients = null,
    string? Cache = null)
{
    /// <summary>The one channel every instance listens on; NOTIFY channels belong to one database.</summary>
    public const string Channel = "portal_changes";

    /// <summary>PostgreSQL refuses a payload of 8000 bytes or more.</summary>
    public const int MaxPayloadBytes = 7999;

    /// <summary>Recipients per message: a user id is 36 characters, so a hundred fit with room to spare.</summary>
    public const int RecipientsPerMessage = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static ClusterMessage Missed(Guid from) => new(from, ClusterMessageKind.Missed);

    /// <summary>The payload to send: this message, or a <see cref="ClusterMessageKind.Missed"/> one when it is too large.</summary>
    public string ToPayload()
    {
        var payload = JsonSerializer.Serialize(this, Json);
        return Encoding.UTF8.GetByteCount(payload) <= MaxPayloadBytes ? payload : JsonSerializer.Serialize(Missed(From), Json);
    }

    /// <summary>The message in a payload, or null when it is not one (a NOTIFY on our channel from something else).</summary>
    public static ClusterMessage? FromPayload(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<ClusterMessage>(payload, Json) is { } message && message.IsComplete ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private bool IsComplete => Kind switch
    {
        ClusterMessageKind.Innovation => Innovation is not null,
        ClusterMessageKind.Notifications => Recipients is not null,
        ClusterMessageKind.Cache => Cache is not null,
        _ => Enum.IsDefined(Kind),
    };
}
