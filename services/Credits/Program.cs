using Reseller.Credits;
using Reseller.Credits.Assignments;
using Reseller.Credits.Consumptions;
using Reseller.Credits.Ledger;
using Reseller.Credits.Purchases;
using Reseller.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapCreditsApi();
app.MapPurchasesApi();
app.MapAssignmentsApi();
app.MapConsumptionsApi();

app.Run();
