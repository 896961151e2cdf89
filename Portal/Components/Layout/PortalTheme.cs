using MudBlazor;

namespace Portal.Components.Layout;

/// <summary>The dinas' colours: Disdukcapil blue with a gold accent.</summary>
public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0B4EA2",
            Secondary = "#F2A900",
            Tertiary = "#00897B",
            AppbarBackground = "#0B4EA2",
            Background = "#F4F6FA",
            DrawerBackground = "#FFFFFF",
            Success = "#2E7D32",
            Warning = "#E65100",
            Error = "#C62828",
            Info = "#1565C0",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Segoe UI", "Helvetica", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
