using Reseller.Partners;
using Reseller.Partners.Administration;
using Reseller.Partners.ApiKeys;
using Reseller.Partners.ApiKeys.Internal;
using Reseller.Partners.Commissions;
using Reseller.Partners.Organisations;
using Reseller.Partners.Payouts;
using Reseller.Partners.Referrals;
using Reseller.Partners.Users;
using Reseller.Partners.Webhooks.Deliveries;
using Reseller.Partners.Webhooks.Endpoints;
using Reseller.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPartnersService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapPartnersApi();
app.MapPartnerUsersApi();
app.MapAuthApi();
app.MapApiKeysApi();
app.MapReferralsApi();
app.MapCommissionsApi();
app.MapOperatorPartnersApi();
app.MapOperatorStatementsApi();
app.MapPayoutsApi();
app.MapWebhookEndpointsApi();
app.MapWebhookDeliveriesApi();

// Internal: called by the gateway only, never routed from outside.
app.MapApiKeyVerificationApi();

app.Run();
