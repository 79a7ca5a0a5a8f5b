using System.ComponentModel;
using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Access;
using Reseller.Billing.CreditNotes;
using Reseller.Billing.Data;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Billing.Invoices;

public static class InvoicesApi
{
    public static IEndpointRouteBuilder MapInvoicesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/invoices").WithTags("Billing").RequireAuthorization(BillingPolicies.Payer);
        api.MapGet("", ListAsync).WithName("ListInvoices").WithSummary("List invoices (by account, status and issue date)").ProducesProblem(400)
            .WithDescription("`issued_from` and `issued_to` (yyyy-MM-dd, inclusive, UTC days) keep the invoices issued in that period; a malformed date or a range ending before it starts is a 400.");
        api.MapGet("/{id}", GetAsync).WithName("GetInvoice").WithSummary("Read or download an invoice").ProducesProblem(406).Produces<InvoiceResponse>()
            .WithDescription("JSON by default; `Accept: text/html`, `text/csv` or `application/pdf` downloads it in that format, in the payer's language, with issuer, bill-to, due date and tax.");
        return app;
    }

    /// <summary>A partner's partner-paid invoices, or a customer's own account's customer-paid ones: never each other's.</summary>
    public static async Task<Ok<Page<InvoiceResponse>>> ListAsync(
        ClaimsPrincipal user,
        BillingDb db,
        [FromQuery(Name = "account_id")] string? accountId,
        [FromQuery(Name = "status")] string? status,
        [FromQuery(Name = "issued_from")] string? issuedFrom,
        [FromQuery(Name = "issued_to")] string? issuedTo,
        [FromQuery(Name = "page_size")] string? pageSize,
        [FromQuery(Name = "page_token")] string? pageToken,
        CancellationToken cancellationToken)
    {
        int? size = pageSize is null ? null
            : int.TryParse(pageSize, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var requested) ? requested
            : throw ValidationErrors.Reject("page_size", $"page_size must be between 1 and {PageSize.Max}.");
        var period = IssuedPeriod.Parse(issuedFrom, issuedTo);
        var query = period.Apply(Visible(db, BillingCaller.From(user)));
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

        var page = await KeysetPage.ReadAsync(query, i => i.Id, ListSortDirection.Descending, size, pageToken, i => i, cancellationToken);
        var ids = page.Data.Select(i => i.Id).ToList();
        var notes = (await db.CreditNotes.AsNoTracking().Where(c => ids.Contains(c.InvoiceId)).OrderBy(c => c.Id).ToListAsync(cancellationToken))
            .ToLookup(c => c.InvoiceId);
        return TypedResults.Ok(new Page<InvoiceResponse>(page.Data.Select(i => InvoiceResponse.From(i, notes[i.Id].ToList())).ToList(), page.NextPageToken));
    }

    /// <summary>One invoice as JSON, or downloaded as HTML, CSV or PDF by its Accept header (406 for anything else).</summary>
    public static async Task<IResult> GetAsync(
        string id, HttpRequest request, ClaimsPrincipal user, BillingDb db, Documents.DocumentBrandingSource branding, CancellationToken cancellationToken)
    {
        var format = InvoiceFormats.Negotiate(request.Headers.Accept.ToString());
        if (format is null)
        {
            return Problem(406, "not-acceptable", "Not acceptable", $"An invoice can be had as {InvoiceFormats.Offered}.");
        }
        var invoice = PublicId.TryParse(InvoiceResponse.IdPrefix, id, out var invoiceId)
            ? await Visible(db, BillingCaller.From(user)).FirstOrDefaultAsync(i => i.Id == invoiceId, cancellationToken)
            : null;
        if (invoice is null)
        {
            return Problem(404, "not-found", "Not found", "No invoice with that id.");
        }
        var notes = await db.CreditNotesOfAsync(invoice.Id, cancellationToken);
        if (format == InvoiceFormats.Json)
        {
            return TypedResults.Ok(InvoiceResponse.From(invoice, notes));
        }
        var card = await Documents.DocumentDownload.PaidCardAsync(db, invoice, cancellationToken);
        return Documents.DocumentDownload.Result(Documents.InvoiceDocuments.ForInvoice(invoice, notes, card, branding.Current), format, request.HttpContext.Response);
    }

    private static IQueryable<Invoice> Visible(BillingDb db, BillingCaller caller)
    {
        var invoices = db.Invoices.AsNoTracking().Where(i => i.PartnerId == caller.PartnerId);
        return caller.AccountId is { } accountId
            ? invoices.Where(i => i.AccountId == accountId && i.Payer == Payers.Customer)
            : invoices.Where(i => i.Payer == Payers.Partner);
    }

    /// <summary>Written as problem+json whatever the Accept header asked for, so a refused download still explains itself.</summary>
    private static ProblemHttpResult Problem(int status, string slug, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: ProblemTypes.Uri(slug));
}
