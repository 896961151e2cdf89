using FluentValidation;

namespace Portal.Features.Workflow;

public static class WorkflowRegistration
{
    public static WebApplicationBuilder AddWorkflow(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<InnovationEvents>();
        builder.Services.AddSingleton<MissedChanges>();
        builder.Services.AddSingleton<WriteGate>();
        builder.Services.AddSingleton<SopCatalog>();
        builder.Services.AddSingleton<CalendarProvider>();
        builder.Services.AddSingleton<Data.IInstanceCache>(services => services.GetRequiredService<CalendarProvider>());
        builder.Services.AddSingleton<WorkflowService>();
        builder.Services.AddSingleton<Innovations.InnovationQueries>();
        builder.Services.AddScoped<MoveInteraction>();
        builder.Services.AddSingleton<MoveLinks>();
        builder.Services.AddSingleton<Innovations.InnovationDetailQuery>();
        builder.Services.AddSingleton<Innovations.ItemFieldsCreate>();
        builder.Services.AddValidatorsFromAssemblyContaining<MoveCommandValidator>(ServiceLifetime.Singleton);
        return builder;
    }
}
