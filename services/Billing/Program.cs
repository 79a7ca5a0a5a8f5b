using Reseller.Billing;
using Reseller.Billing.Catalog;
using Reseller.Billing.CreditNotes;
using Reseller.Billing.Invoices;
using Reseller.Billing.Payments.Stripe;
using Reseller.Billing.Profiles;
using Reseller.Billing.Purchases;
using Reseller.Billing.Referrals;
using Reseller.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddBillingService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapCatalogApi();
app.MapBillingProfilesApi();
app.MapInvoicesApi();
app.MapCreditNotesApi();
app.MapStripeWebhooksApi();
app.MapPartnerCreditNotesApi();
app.MapCreditNoteDownloadApi();

// Internal: called by other services with their service token, never routed by the gateway.
app.MapCreditPurchasesApi();
app.MapReferralCardsApi();

app.Run();
