using Reseller.Accounts;
using Reseller.Accounts.Accounts;
using Reseller.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapAccountsApi();
app.MapAccountIdentityApis();

app.Run();
