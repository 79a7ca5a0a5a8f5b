namespace Reseller.Accounts.Lifecycle;

/// <summary>PUT /accounts/{id}/payer: <c>bill_to</c> (customer payer only) addresses the customer's invoices from then on.</summary>
public sealed record PayerRequest(string? Payer, string? BillingProfileId, BillToRequest? BillTo = null);
