using Portal.Data;
using Portal.Domain;
using Portal.Features.Office;

namespace Portal.Features.Reports;

/// <summary>The office as a report prints it: the kop surat's names, contacts and logo, and the zone its times are in.</summary>
/// <param name="Logo">A PNG, or null to print the kop without a logo.</param>
public sealed record ReportOffice(string PemerintahDaerah, string NamaInstansi, string? ContactLine, byte[]? Logo, OfficeZone Zone)
{
    public static ReportOffice From(OfficeSnapshot office) =>
        new(office.PemerintahDaerah, office.NamaInstansi, office.ContactLine(), OfficeLogo.Png(office), office.Zone);

    /// <summary>"Kabupaten Paser": where the head of the office signs.</summary>
    public string Region => OfficeNames.RegionOf(PemerintahDaerah);
}
