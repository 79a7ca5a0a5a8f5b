using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Accounts;
using Reseller.Billing.Data;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Billing.Invoices;

public static class InvoicesApi
{
    public static IEndpointRouteBuilder MapInvoicesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/invoices").WithTags("Billing").RequireAuthorization(PlatformPolicies.Partner);
        api.MapGet("", ListAsync).WithName("ListInvoices");
        api.MapGet("/{id}", GetAsync).WithName("GetInvoice");
        return app;
    }

    /// <summary>The partner's own invoices (payer partner); customer-paid invoices are the customer's alone.</summary>
    public static async Task<Ok<Page<InvoiceResponse>>> ListAsync(
        ClaimsPrincipal user,
        BillingDb db,
        string? accountId,
        string? status,
        int? pageSize,
        string? pageToken,
        CancellationToken cancellationToken)
    {
        var partnerId = user.PartnerId();
        var size = PageSize.From(pageSize);
        var query = db.Invoices.AsNoTracking().Where(i => i.PartnerId == partnerId && i.Payer == Payers.Partner);
        if (accountId is not null)
        {
            if (!PublicId.TryParse(InvoiceResponse.AccountIdPrefix, accountId, out var account))
            {
                return TypedResults.Ok(new Page<InvoiceResponse>([], null));
            }
            query = query.Where(i => i.AccountId == account);
        }
        if (status is not null)
        {
            if (!Enum.TryParse<InvoiceStatus>(status, ignoreCase: true, out var wanted) || int.TryParse(status, out _))
            {
                throw ValidationErrors.Reject("status", "status must be open, paid, void or uncollectible.");
            }
            query = query.Where(i => i.Status == wanted);
        }
        if (pageToken is not null)
        {
            if (!PublicId.TryParse(InvoiceResponse.IdPrefix, pageToken, out var after))
            {
                throw ValidationErrors.Reject("page_token", "page_token is not a token this list gave.");
            }
            query = query.Where(i => i.Id.CompareTo(after.Value) < 0);
        }

        var invoices = await query.OrderByDescending(i => i.Id).Take(size + 1).ToListAsync(cancellationToken);
        var next = invoices.Count > size ? PublicId.Format(InvoiceResponse.IdPrefix, invoices[size - 1].Id) : null;
        return TypedResults.Ok(new Page<InvoiceResponse>(invoices.Take(size).Select(InvoiceResponse.From).ToList(), next));
    }

    public static async Task<Results<Ok<InvoiceResponse>, NotFound>> GetAsync(string id, ClaimsPrincipal user, BillingDb db, CancellationToken cancellationToken)
    {
        if (!PublicId.TryParse(InvoiceResponse.IdPrefix, id, out var invoiceId))
        {
            return TypedResults.NotFound();
        }
        var partnerId = user.PartnerId();
        var invoice = await db.Invoices.AsNoTracking()
            .FirstOrDefaultAsync(i => i.Id == invoiceId && i.PartnerId == partnerId && i.Payer == Payers.Partner, cancellationToken);
        return invoice is null ? TypedResults.NotFound() : TypedResults.Ok(InvoiceResponse.From(invoice));
    }
}
