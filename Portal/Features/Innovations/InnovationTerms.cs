using Portal.Data.Entities;

namespace Portal.Features.Innovations;

public static class InnovationTerms
{
    public static string Name(this InnovationType type) => type switch
    {
        InnovationType.Digital => "Digital",
        InnovationType.NonDigital => "Non-digital",
        _ => type.ToString(),
    };

    public static string Name(this GovernmentAffair affair) => affair switch
    {
        GovernmentAffair.TataKelolaPemerintahan => "Tata kelola pemerintahan",
        GovernmentAffair.PelayananPublik => "Pelayanan publik",
        GovernmentAffair.Lainnya => "Lainnya",
        _ => affair.ToString(),
    };
}
