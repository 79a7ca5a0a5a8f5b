using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;

using Reseller.Contracts.Catalog;
using Reseller.Credits.Accounts;
using Reseller.Credits.Data;
using Reseller.Credits.Ledger;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Credits.Purchases;

public static class PurchasesApi
{
    public static IEndpointRouteBuilder MapPurchasesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/credits/{kind}/purchases", PurchaseAsync)
            .WithTags("Credits")
            .WithName("PurchaseCredits")
            .RequireAuthorization(PlatformPolicies.PartnerBilling);
        return app;
    }

    /// <summary>
    /// Orders a catalog pack: Billing issues and charges its invoice now (prepaid credit first for SMS and compatibility
    /// packs, then the card); the credit is added when Billing reports the invoice paid. Prepaid may be earmarked for an account.
    /// </summary>
    public static async Task<Created<PurchaseResponse>> PurchaseAsync(
        string kind,
        PurchaseRequest request,
        ClaimsPrincipal user,
        CreditsDb db,
        ProductCatalog catalog,
        BillingInvoices billing,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var creditKind = CreditKindNames.Parse(kind);
        var kindName = CreditKindNames.Name(creditKind);
        var packs = catalog.CreditPacks.TryGetValue(kindName, out var listed) ? listed : [];
        new ValidationErrors()
            .When(request.Pack is null, "pack", "pack is required.")
            .When(request.Pack is { } p && packs.All(x => x.Size != p), "pack", $"pack must be one of {string.Join(", ", packs.Select(x => x.Size))}.")
            .When(request.AccountId is not null && creditKind != CreditKind.Prepaid, "account_id", "Only prepaid credit is earmarked for an account; assign sms and compatibility credit instead.")
            .ThrowIfAny();
        var partnerId = user.PartnerId();
        var account = request.AccountId is null ? null : await db.FindOwnedAsync(partnerId, request.AccountId, cancellationToken);

        var purchase = CreditPurchase.Order(partnerId, creditKind, request.Pack!.Value, account?.AccountId, clock.GetUtcNow());
        db.Purchases.Add(purchase);
        await db.SaveChangesAsync(cancellationToken);

        var purchaseId = PublicId.Format(PurchaseResponse.IdPrefix, purchase.Id);
        var accountId = account is null ? null : PublicId.Format(AccountDirectory.IdPrefix, account.AccountId);
        var invoice = await billing.InvoiceAsync(new BillingInvoiceRequest(purchaseId, kindName, purchase.Pack, accountId), cancellationToken);
        if (invoice.TryGetProperty("id", out var invoiceId) && PublicId.TryParse("inv", invoiceId.GetString(), out var invoiceGuid))
        {
            purchase.Invoiced(invoiceGuid.Value);
            await db.SaveChangesAsync(cancellationToken);
        }

        var status = purchase.Status.ToString().ToLowerInvariant();
        return TypedResults.Created($"/api/v1/credits/{kindName}/ledger", new PurchaseResponse(purchaseId, kindName, purchase.Pack, accountId, status, invoice));
    }
}
