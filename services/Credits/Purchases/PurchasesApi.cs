using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Billing;
using Reseller.Contracts.Catalog;
using Reseller.Credits.Data;
using Reseller.Credits.FollowedAccounts;
using Reseller.Credits.Ledger;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Idempotency;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Credits.Purchases;

public static class PurchasesApi
{
    public static IEndpointRouteBuilder MapPurchasesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/credits/{kind}/purchases", PurchaseAsync)
            .WithTags("Credits")
            .WithName("PurchaseCredits").WithSummary("Buy a credit pack")
            .RequireAuthorization(PlatformPolicies.PartnerBilling);
        var purchases = app.MapGroup("/api/v1/credits/purchases").WithTags("Credits").RequireAuthorization(PlatformPolicies.PartnerBilling);
        purchases.MapGet("", ListAsync).WithName("ListCreditPurchases").WithSummary("List credit purchases");
        purchases.MapGet("/{id}", GetAsync).WithName("GetCreditPurchase").WithSummary("Read one credit purchase");
        return app;
    }

    /// <summary>
    /// Orders a catalog pack: Billing issues and charges its invoice now (prepaid credit first for SMS and compatibility
    /// packs, then the card); the credit is added when Billing reports the invoice paid. Prepaid may be earmarked for an account.
    /// A retry under the Idempotency-Key of a request that failed asks Billing again for the same purchase, never orders a second.
    /// </summary>
    public static async Task<Created<PurchaseResponse>> PurchaseAsync(
        PurchaseRequest request,
        [AsParameters] PartnerCreditRequest caller,
        HttpRequest http,
        ProductCatalog catalog,
        PurchaseOrders orders,
        BillingInvoices billing,
        PurchaseInvoiceLinks links)
    {
        var creditKind = caller.CreditKind();
        var kindName = CreditKindNames.Name(creditKind);
        var packs = catalog.CreditPacks.TryGetValue(kindName, out var listed) ? listed : [];
        request.ThrowIfInvalid((creditKind, packs));
        var account = await caller.OptionalAccountAsync(request.AccountId);

        var db = caller.Db;
        var cancellationToken = caller.CancellationToken;
        var (purchase, isRetry) = await orders.PlaceAsync(
            caller.PartnerId(), creditKind, request.Pack!.Value, account?.AccountId, IdempotencyMiddleware.KeyOf(http), cancellationToken);

        var purchaseId = PublicId.Format(PurchaseResponse.IdPrefix, purchase.Id);
        var accountId = account is null ? null : PublicId.Format(AccountDirectory.IdPrefix, account.AccountId);
        JsonElement invoice;
        try
        {
            invoice = await billing.InvoiceAsync(new CreditPurchaseRequest(purchaseId, kindName, purchase.Pack, accountId), cancellationToken);
        }
        catch (ProblemException refused) when (refused.Status is >= 400 and < 500 && !isRetry)
        {
            // Billing refused before issuing anything (no card, say): nothing was ordered, so no purchase is left pending.
            // A retried purchase stays: the first request's call may have been invoiced after Credits stopped waiting for it.
            db.Purchases.Remove(purchase);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        if (invoice.TryGetProperty("id", out var invoiceId) && PublicId.TryParse(PurchaseResponse.InvoiceIdPrefix, invoiceId.GetString(), out var invoiceGuid))
        {
            purchase = await links.LinkAsync(purchase.Id, invoiceGuid.Value, cancellationToken);
        }
        return TypedResults.Created($"/api/v1/credits/purchases/{purchaseId}", PurchaseResponse.From(purchase, invoice));
    }

    /// <summary>The partner's purchases, newest first; ?status= narrows them to pending, failed or completed ones.</summary>
    public static async Task<Ok<Page<PurchaseResponse>>> ListAsync(
        [FromQuery(Name = "status")] string? status,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery(Name = "page_token")] string? pageToken,
        ClaimsPrincipal user,
        CreditsDb db,
        CancellationToken cancellationToken)
    {
        var partnerId = user.PartnerId();
        var query = db.Purchases.AsNoTracking().Where(p => p.PartnerId == partnerId);
        if (status is not null)
        {
            var wanted = PurchaseStatuses.Parse(status);
            query = query.Where(p => p.Status == wanted);
        }
        return TypedResults.Ok(await KeysetPage.ReadAsync(
            query, p => p.Id, ListSortDirection.Descending, pageSize, pageToken, p => PurchaseResponse.From(p), cancellationToken));
    }

    /// <summary>One of the partner's purchases; another partner's, or an unknown id, is 404.</summary>
    public static async Task<Ok<PurchaseResponse>> GetAsync(string id, ClaimsPrincipal user, CreditsDb db, CancellationToken cancellationToken)
    {
        var partnerId = user.PartnerId();
        var purchase = PublicId.TryParse(PurchaseResponse.IdPrefix, id, out var purchaseId)
            ? await db.Purchases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == purchaseId && p.PartnerId == partnerId, cancellationToken)
            : null;
        return TypedResults.Ok(PurchaseResponse.From(purchase ?? throw ProblemException.NotFound("purchase")));
    }
}
