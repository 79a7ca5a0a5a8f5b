using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Billing.CreditNotes;

public static class CreditNotesApi
{
    public static IEndpointRouteBuilder MapCreditNotesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/billing/invoices/{id}/credit-notes").WithTags("Operator").RequireAuthorization(PlatformPolicies.Operator);
        api.MapPost("", CreateAsync).WithName("CreateCreditNote").WithSummary("Issue a credit note on an invoice");
        api.MapGet("", ListAsync).WithName("ListCreditNotes").WithSummary("List an invoice's credit notes");
        app.MapGet("/api/v1/admin/billing/invoices/{id}", GetInvoiceAsync).WithTags("Operator").RequireAuthorization(PlatformPolicies.Operator)
            .WithName("GetInvoiceToCredit").WithSummary("Read any partner's invoice, with what its credit notes credited");
        return app;
    }

    /// <summary>The invoice an operator is about to credit: its total, status and the notes that credited it so far.</summary>
    public static async Task<Results<Ok<InvoiceResponse>, NotFound>> GetInvoiceAsync(string id, BillingDb db, CancellationToken cancellationToken)
    {
        var invoice = PublicId.TryParse(InvoiceResponse.IdPrefix, id, out var invoiceId)
            ? await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invoiceId, cancellationToken)
            : null;
        if (invoice is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(InvoiceResponse.From(invoice, await db.CreditNotesOfAsync(invoice.Id, cancellationToken)));
    }

    /// <summary>Credits part of a paid invoice (<see cref="InvoiceCrediting"/>), then refunds its card part.</summary>
    public static async Task<Results<Created<CreditNoteResponse>, NotFound>> CreateAsync(
        string id,
        CreateCreditNoteRequest request,
        BillingDb db,
        InvoiceCrediting crediting,
        CardRefunds cardRefunds,
        CancellationToken cancellationToken)
    {
        if (!PublicId.TryParse(InvoiceResponse.IdPrefix, id, out var invoiceId))
        {
            return TypedResults.NotFound();
        }
        request.ThrowIfInvalid();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invoice = await crediting.LockAsync(invoiceId.Value, cancellationToken);
        if (invoice is null)
        {
            return TypedResults.NotFound();
        }
        if (invoice.Status != InvoiceStatus.Paid)
        {
            throw ProblemException.Conflict("credit-note-requires-paid-invoice", "Only a paid invoice can be credited.",
                $"Invoice {invoice.Number} is {invoice.Status.ToString().ToLowerInvariant()}.");
        }
        var credited = await crediting.CreditedAsync(invoice, cancellationToken);
        if (request.Amount!.Value > credited.LeftOf(invoice))
        {
            throw ProblemException.Unprocessable("credit-exceeds-invoice", "The credit notes would exceed the invoice's total.",
                $"Invoice {invoice.Number} totals {invoice.Total}, {credited.Amount} is already credited: at most {credited.LeftOf(invoice)} can be.");
        }
        var note = await crediting.IssueAsync(invoice, credited, request.Amount.Value, request.Reason!.Trim(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // After the commit, so the note exists whatever the provider answers; the recovery job finishes a refund left undone.
        await cardRefunds.RefundAfterCommitAsync(note.Id, cancellationToken);
        var response = CreditNoteResponse.From(note);
        return TypedResults.Created($"/api/v1/admin/billing/invoices/{id}/credit-notes/{response.Id}", response);
    }

    public static async Task<Results<Ok<ServiceDefaults.Http.Page<CreditNoteResponse>>, NotFound>> ListAsync(string id, BillingDb db, CancellationToken cancellationToken)
    {
        if (!PublicId.TryParse(InvoiceResponse.IdPrefix, id, out var invoiceId) || !await db.Invoices.AnyAsync(i => i.Id == invoiceId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var notes = await db.CreditNotesOfAsync(invoiceId.Value, cancellationToken);
        return TypedResults.Ok(new ServiceDefaults.Http.Page<CreditNoteResponse>(notes.Select(CreditNoteResponse.From).ToList(), null));
    }
}
