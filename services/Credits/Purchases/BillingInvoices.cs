using System.Text.Json;

using Reseller.Contracts.Billing;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.InternalCalls;

namespace Reseller.Credits.Purchases;

/// <summary>
/// Asks Billing, with Credits' own service token naming the caller's partner, to invoice and charge a purchase. Synchronous because the caller is
/// answered with that invoice; the purchase id makes a repeated call return the same invoice instead of a second one. Billing's refusal
/// reaches the caller as the same problem; while Billing cannot be reached, 503.
/// </summary>
public sealed class BillingInvoices(InternalServiceClient billing, IHttpContextAccessor httpContext)
{
    public const string Path = "/internal/credit-purchases";

    public Task<JsonElement> InvoiceAsync(CreditPurchaseRequest purchase, CancellationToken cancellationToken) =>
        billing.SendAsync<JsonElement>(
            InternalCall.Post("billing", Path, purchase, InternalCredentials.Service) with { ActingForPartner = httpContext.HttpContext?.User.PartnerId() },
            cancellationToken);
}
