using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Problems;
using Reseller.ServiceDefaults.Tokens;

namespace Reseller.Billing.Purchases;

public static class CreditPurchasesApi
{
    public const string Path = "/internal/credit-purchases";

    /// <summary>Called by Credits only (the gateway does not route /internal), with its service token naming the partner it buys for.</summary>
    public static IEndpointRouteBuilder MapCreditPurchasesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, InvoiceAsync).RequireAuthorization(PlatformPolicies.InternalCaller(TrustedIssuers.Credits)).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Issues the invoice of a credit pack and charges it now (prepaid credit first for SMS and compatibility packs, then the
    /// partner's newest own card, never a customer's). The same purchase asked again returns its invoice as it stands, without a second charge.
    /// </summary>
    public static async Task<Results<Created<InvoiceResponse>, Ok<InvoiceResponse>>> InvoiceAsync(
        CreditPurchaseRequest request,
        ClaimsPrincipal user,
        BillingDb db,
        ProductCatalog catalog,
        InvoiceNumbering numbering,
        Invoices.Issuing.InvoiceHeadings headings,
        ChargeProcessor charges,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var partnerId = user.PartnerId();
        var price = request.Kind is null || request.Pack is null ? null : CreditPackInvoices.Price(catalog, request.Kind, request.Pack.Value);
        new ValidationErrors()
            .When(!PublicId.TryParse("cp", request.PurchaseId, out _), "purchase_id", "purchase_id must be a credit purchase id.")
            .When(price is null, "pack", "kind and pack must name a catalog credit pack.")
            .ThrowIfAny();

        var existing = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Reference == request.PurchaseId && i.PartnerId == partnerId, cancellationToken);
        if (existing is not null)
        {
            return TypedResults.Ok(InvoiceResponse.From(existing, []));
        }
        var profileId = await db.BillingProfiles.AsNoTracking()
            // The partner's own cards only: a customer's card carries its partner's id too, but pays only for its account.
            .Where(p => p.PartnerId == partnerId && p.AccountId == null && !p.AwaitingOwner && p.DeletedAt == null)
            .OrderByDescending(p => p.CreatedAt)
            .Select(p => (Guid?)p.Id)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw ProblemException.Unprocessable("no-billing-profile", "No billing profile", "Add a billing profile (card) before buying credits.");

        // The invoice is the partner's, not an account's (an earmark is Credits' business), so account flows never see it.
        var heading = CreditPackInvoices.Heading(request.Kind!, await headings.ForAsync(partnerId, null, Payers.Partner, cancellationToken));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The number last: its row lock queues every invoice being issued, and is held until commit.
        var (number, now) = await numbering.NextAsync(clock.GetUtcNow(), cancellationToken);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var invoice = Invoice.Issue(
            new IssueInvoice(partnerId, null, Payers.Partner, InvoicePurposes.CreditPurchase, today, today, request.PurchaseId),
            number,
            price!,
            now,
            heading);
        db.Invoices.Add(invoice);
        db.Publish(InvoiceEvents.Issued(invoice), now);
        var payment = Payment.Start(invoice.Id, partnerId, profileId, invoice.AmountDue, invoice.Currency, now);
        db.Payments.Add(payment);
        db.CountOnCommit(() => BillingMetrics.CountInvoice(InvoicePurposes.CreditPurchase));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await charges.ProcessAsync(payment.Id, cancellationToken);
        db.ChangeTracker.Clear();
        var charged = await db.Invoices.AsNoTracking().SingleAsync(i => i.Id == invoice.Id, cancellationToken);
        return TypedResults.Created($"/api/v1/invoices/{PublicId.Format(InvoiceResponse.IdPrefix, charged.Id)}", InvoiceResponse.From(charged, []));
    }
}
