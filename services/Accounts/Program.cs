using Reseller.Accounts;
using Reseller.Accounts.Accounts;
using Reseller.Accounts.Referrals;
using Reseller.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapAccountsApi();
app.MapReferralAccountsApi();

app.Run();
