using Portal.Components;
using Portal.Data;
using Portal.Features.Account;
using Portal.Features.Alerts;
using Portal.Features.Board;
using Portal.Features.Admin;
using Portal.Features.Operations.Faults;
using Portal.Features.Operations.Hosting;
using Portal.Features.Outputs;
using Portal.Features.Reports;
using Portal.Features.Security;
using Portal.Features.Sop;
using Portal.Features.Workflow;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceHosting();
if (DataFolder.RefusesToStart(builder)) return DataFolder.UnwritableExitCode;
builder.AddPortalData();
builder.AddFaults();
builder.AddPortalSecurity();
builder.AddWorkflow();
builder.AddBoard();
builder.AddAccounts();
builder.AddStepOutputs();
builder.AddAdministration();
builder.AddSopPages();
builder.AddReports();
builder.AddPortalUi();
builder.AddAlerts();

var app = builder.Build();
await app.PreparePortalAsync();
app.UsePortalPipeline();
app.UseAlerts();
app.Run();
return 0;

public partial class Program;
