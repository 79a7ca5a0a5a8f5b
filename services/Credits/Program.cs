using Reseller.Credits;
using Reseller.Credits.Assignments;
using Reseller.Credits.Consumptions;
using Reseller.Credits.Ledger;
using Reseller.Credits.Purchases;
using Reseller.Credits.Unassignments;
using Reseller.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddCreditsService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapCreditsApi();
app.MapPurchasesApi();
app.MapAssignmentsApi();
app.MapUnassignmentsApi();
app.MapConsumptionsApi();

app.Run();
