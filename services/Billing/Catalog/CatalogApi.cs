using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;

using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Invoices.Issuing;
using Reseller.Billing.Pricing;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Billing.Catalog;

public static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/catalog", (ProductCatalog catalog) => TypedResults.Ok(catalog)).WithTags("Catalog").AllowAnonymous().WithName("GetCatalog").WithSummary("Read the catalog: products, tiers, prices, add-ons, credit packs");
        app.MapPost("/api/v1/quotes", QuoteAsync).WithTags("Catalog").RequireAuthorization(PlatformPolicies.Partner).WithName("CreateQuote")
            .WithSummary("Price a plan without creating anything: for a new account, or as a change of an existing one (account_id)")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    public static async Task<Ok<QuoteResponse>> QuoteAsync(
        QuoteRequest request,
        ClaimsPrincipal user,
        ProductCatalog catalog,
        PlanPricer pricer,
        PaidAccountCounter counter,
        PlanChangeQuotes changes,
        InvoiceHeadings headings,
        CancellationToken cancellationToken)
    {
        if (request.AccountId is not null)
        {
            return TypedResults.Ok(await changes.QuoteAsync(request, user.PartnerId(), cancellationToken));
        }
        var plan = request.ThrowIfInvalid(catalog).ToPlan(catalog);
        var payer = request.Payer ?? Payers.Partner;
        var percent = payer == Payers.Partner && plan.Cadence != PlanCadences.Trial
            ? ResellerDiscount.PercentFor(await counter.CountAsync(user.PartnerId(), including: null, cancellationToken) + 1)
            : 0;
        var heading = await headings.ForAsync(user.PartnerId(), accountId: null, payer, cancellationToken);
        return TypedResults.Ok(QuoteResponse.From(pricer.Price(plan, percent), heading));
    }
}
