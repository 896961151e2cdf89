using Portal.Components;
using Portal.Data;
using Portal.Features.Account;
using Portal.Features.Admin;
using Portal.Features.Sop;
using Portal.Features.Workflow;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalData();
builder.AddWorkflow();
builder.AddAccounts();
builder.AddAdministration();
builder.AddSopPages();
builder.AddPortalUi();

var app = builder.Build();
await app.PreparePortalAsync();
app.UsePortalPipeline();
app.Run();

public partial class Program;
