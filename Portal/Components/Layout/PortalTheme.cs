using MudBlazor;

namespace Portal.Components.Layout;

/// <summary>
/// The dinas' colours: Disdukcapil blue with a gold accent. Text colours (success, warning, tertiary) are dark enough for
/// WCAG AA (4.5:1) as text on white and on their own tinted chips and alerts; the gold accent is never used as text.
/// </summary>
public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0B4EA2",
            Secondary = "#F2A900",
            Tertiary = "#00796B",
            AppbarBackground = "#0B4EA2",
            Background = "#F4F6FA",
            DrawerBackground = "#FFFFFF",
            Success = "#256B29",
            Warning = "#B23C00",
            Error = "#C62828",
            Info = "#1565C0",
            // Darker than MudBlazor's 54 % black: hints and captions keep 4.5:1 on the grey page and tinted alerts.
            TextSecondary = "rgba(0,0,0,0.64)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Segoe UI", "Helvetica", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
