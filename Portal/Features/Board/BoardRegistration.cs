namespace Portal.Features.Board;

public static class BoardRegistration
{
    public static WebApplicationBuilder AddBoard(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BoardSnapshots>();
        builder.Services.AddSingleton<BoardChoices>();
        return builder;
    }
}
