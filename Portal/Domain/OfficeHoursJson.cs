using System.Globalization;
using System.Text.Json;

namespace Portal.Domain;

/// <summary>Stores <see cref="OfficeHours"/> as JSON: [{ "day": "Monday", "opens": "07:30", "closes": "16:00" }, ...].</summary>
public static class OfficeHoursJson
{
    private sealed record Row(string Day, string Opens, string Closes);

    public static string Serialize(OfficeHours hours) => JsonSerializer.Serialize(
        hours.Days.Select(d => new Row(d.Day.ToString(), Format(d.Opens), Format(d.Closes))),
        new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static OfficeHours Parse(string json)
    {
        var rows = JsonSerializer.Deserialize<List<Row>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
        return new OfficeHours([.. rows.Select(r => new WorkingDayHours(
            Enum.Parse<DayOfWeek>(r.Day),
            TimeOnly.ParseExact(r.Opens, "HH:mm", CultureInfo.InvariantCulture),
            TimeOnly.ParseExact(r.Closes, "HH:mm", CultureInfo.InvariantCulture)))
            .OrderBy(d => ((int)d.Day + 6) % 7)]);
    }

    private static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
