using Reseller.Accounts;
using Reseller.Accounts.Accounts;
using Reseller.Accounts.Lifecycle;
using Reseller.Accounts.Referrals;
using Reseller.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapAccountsApi();
app.MapAccountLifecycleApi();
app.MapAccountIdentityApis();
app.MapReferralAccountsApi();

app.Run();
