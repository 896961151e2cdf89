using Portal.Components;
using Portal.Data;
using Portal.Features.Account;
using Portal.Features.Outputs;
using Portal.Features.Reports;
using Portal.Features.Workflow;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalData();
builder.AddWorkflow();
builder.AddAccounts();
builder.AddStepOutputs();
builder.AddReports();
builder.AddPortalUi();

var app = builder.Build();
await app.PreparePortalAsync();
app.UsePortalPipeline();
app.Run();

public partial class Program;
