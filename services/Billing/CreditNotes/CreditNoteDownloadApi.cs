using System.Security.Claims;

using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Access;
using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.Billing.Invoices.Documents;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Billing.CreditNotes;

/// <summary>
/// One credit note the caller sees (the payer of its invoice, as for invoices), as JSON or downloaded as HTML, CSV or PDF
/// like an invoice: the invoice's parties, language and tax, referring to the invoice it credits.
/// </summary>
public static class CreditNoteDownloadApi
{
    public static IEndpointRouteBuilder MapCreditNoteDownloadApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/credit-notes/{id}", GetAsync).WithTags("Billing").RequireAuthorization(BillingPolicies.Payer)
            .WithName("GetCreditNote").WithSummary("Read or download a credit note").Produces<CreditNoteResponse>().ProducesProblem(404).ProducesProblem(406)
            .WithDescription("JSON by default; `Accept: text/html`, `text/csv` or `application/pdf` downloads it in that format.");
        return app;
    }

    public static async Task<IResult> GetAsync(
        string id, HttpRequest request, ClaimsPrincipal user, BillingDb db, DocumentBrandingSource branding, CancellationToken cancellationToken)
    {
        var format = InvoiceFormats.Negotiate(request.Headers.Accept.ToString());
        if (format is null)
        {
            return TypedResults.Problem($"A credit note can be had as {InvoiceFormats.Offered}.", statusCode: 406, title: "Not acceptable", type: ProblemTypes.Uri("not-acceptable"));
        }
        var caller = BillingCaller.From(user);
        var notes = db.CreditNotes.AsNoTracking().Where(c => c.PartnerId == caller.PartnerId);
        notes = caller.AccountId is { } own
            ? notes.Where(c => c.AccountId == own && c.Payer == Payers.Customer)
            : notes.Where(c => c.Payer == Payers.Partner);
        var note = PublicId.TryParse(CreditNoteResponse.IdPrefix, id, out var noteId)
            ? await notes.FirstOrDefaultAsync(c => c.Id == noteId, cancellationToken)
            : null;
        if (note is null)
        {
            return TypedResults.Problem("No credit note with that id.", statusCode: 404, title: "Not found", type: ProblemTypes.Uri("not-found"));
        }
        if (format == InvoiceFormats.Json)
        {
            return TypedResults.Ok(CreditNoteResponse.From(note));
        }
        var invoice = await db.Invoices.AsNoTracking().SingleAsync(i => i.Id == note.InvoiceId, cancellationToken);
        // The notes of one invoice are issued one at a time under its row lock, so their issue times order them.
        var creditedBefore = await db.CreditNotes.Where(c => c.InvoiceId == note.InvoiceId && c.IssuedAt < note.IssuedAt).SumAsync(c => c.Amount, cancellationToken);
        return DocumentDownload.Result(InvoiceDocuments.ForCreditNote(note, invoice, creditedBefore, branding.Current), format, request.HttpContext.Response);
    }
}
