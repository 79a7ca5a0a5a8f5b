using Reseller.Accounts;
using Reseller.Accounts.Administration;
using Reseller.Accounts.Audit;
using Reseller.Accounts.CustomerAccess;
using Reseller.Accounts.Customization;
using Reseller.Accounts.Invitations;
using Reseller.Accounts.Lifecycle;
using Reseller.Accounts.Listing;
using Reseller.Accounts.LoginLinks;
using Reseller.Accounts.Referrals;
using Reseller.Accounts.ResoldAccounts;
using Reseller.Accounts.Snapshots;
using Reseller.Accounts.Transfers;
using Reseller.Accounts.Users;
using Reseller.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddAccountsService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapAccountsApi();
app.MapLifecycleApi();
app.MapPayerApi();
app.MapAccountListApi();
app.MapTransfersApi();
app.MapPendingTransfersApi();
app.MapOperatorAccountSearchApi();
app.MapAccountAuthApi();
app.MapAccountUsersApi();
app.MapLoginLinksApi();
app.MapInvitationsApi();
app.MapAuditApi();
app.MapSnapshotsApi();
app.MapAccountDefaultsApi();
app.MapCustomerAccountApi();

// Internal: called by other services with their service token, never routed by the gateway.
app.MapReferralAccountsApi();

app.Run();
