using Reseller.Billing;
using Reseller.Billing.Catalog;
using Reseller.Billing.CreditNotes;
using Reseller.Billing.Invoices;
using Reseller.Billing.Profiles;
using Reseller.Billing.Purchases;
using Reseller.Billing.Referrals;
using Reseller.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapCatalogApi();
app.MapBillingProfilesApi();
app.MapInvoicesApi();
app.MapCreditNotesApi();
app.MapCreditPurchasesApi();
app.MapReferralCardsApi();

app.Run();
