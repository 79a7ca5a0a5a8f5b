using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Billing.CreditNotes;

public static class CreditNotesApi
{
    public static IEndpointRouteBuilder MapCreditNotesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/billing/invoices/{id}/credit-notes").WithTags("Operator").RequireAuthorization(PlatformPolicies.Operator);
        api.MapPost("", CreateAsync).WithName("CreateCreditNote").WithSummary("Issue a credit note on an invoice");
        api.MapGet("", ListAsync).WithName("ListCreditNotes").WithSummary("List an invoice's credit notes");
        return app;
    }

    /// <summary>
    /// Credits part of a paid invoice. The invoice row is locked while the credited total is checked, so concurrent notes
    /// never credit more than the invoice's total; the note's number comes from its own gap-free series.
    /// </summary>
    public static async Task<Results<Created<CreditNoteResponse>, NotFound>> CreateAsync(
        string id,
        CreateCreditNoteRequest request,
        BillingDb db,
        InvoiceNumbering numbering,
        CardRefunds cardRefunds,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!PublicId.TryParse(InvoiceResponse.IdPrefix, id, out var invoiceId))
        {
            return TypedResults.NotFound();
        }
        request.ThrowIfInvalid();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invoice = await db.Invoices.FromSql($"SELECT *, xmin FROM invoices WHERE id = {invoiceId.Value} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (invoice is null)
        {
            return TypedResults.NotFound();
        }
        if (invoice.Status != InvoiceStatus.Paid)
        {
            throw ProblemException.Conflict("credit-note-requires-paid-invoice", "Only a paid invoice can be credited.",
                $"Invoice {invoice.Number} is {invoice.Status.ToString().ToLowerInvariant()}.");
        }
        var credited = await db.CreditNotes.Where(c => c.InvoiceId == invoice.Id).SumAsync(c => c.Amount, cancellationToken);
        if (credited + request.Amount!.Value > invoice.Total)
        {
            throw ProblemException.Unprocessable("credit-exceeds-invoice", "The credit notes would exceed the invoice's total.",
                $"Invoice {invoice.Number} totals {invoice.Total}, {credited} is already credited: at most {invoice.Total - credited} can be.");
        }

        var now = clock.GetUtcNow();
        var refundedToCard = await db.CreditNotes.Where(c => c.InvoiceId == invoice.Id).SumAsync(c => c.CardRefund, cancellationToken);
        var returnedToPrepaid = await db.CreditNotes.Where(c => c.InvoiceId == invoice.Id).SumAsync(c => c.PrepaidReturn, cancellationToken);
        var cardCharge = invoice.CardCharged > 0
            ? await db.Payments.Where(p => p.InvoiceId == invoice.Id && p.Status == PaymentStatus.Succeeded).Select(p => p.ProviderChargeId).FirstOrDefaultAsync(cancellationToken)
            : null;
        var note = CreditNote.Issue(invoice, credited, request.Amount.Value, request.Reason!.Trim(),
            await numbering.NextAsync(InvoiceNumbering.CreditNoteIssuer, now, cancellationToken), now, refundedToCard, cardCharge, returnedToPrepaid);
        db.CreditNotes.Add(note);
        db.Publish(new Contracts.Billing.CreditNoteIssued(note.Id, note.Number, note.InvoiceId, note.PartnerId, note.AccountId, note.Payer, note.Amount, note.Currency, note.IssuedAt), now);
        if (note.PrepaidReturn > 0)
        {
            // Credits gives it back to the partner's prepaid credit, once per note (its inbox and the ledger reference).
            db.Publish(new Contracts.Credits.PrepaidCreditReturned(note.Id, note.PartnerId, note.AccountId, note.InvoiceId, note.PrepaidReturn, note.Currency, note.IssuedAt), now);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // After the commit, so the note exists whatever the provider answers; the recovery job finishes a refund left undone.
        await cardRefunds.RefundAsync(note.Id, cancellationToken);
        var response = CreditNoteResponse.From(note);
        return TypedResults.Created($"/api/v1/admin/billing/invoices/{id}/credit-notes/{response.Id}", response);
    }

    public static async Task<Results<Ok<ServiceDefaults.Http.Page<CreditNoteResponse>>, NotFound>> ListAsync(string id, BillingDb db, CancellationToken cancellationToken)
    {
        if (!PublicId.TryParse(InvoiceResponse.IdPrefix, id, out var invoiceId) || !await db.Invoices.AnyAsync(i => i.Id == invoiceId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var notes = await db.CreditNotes.AsNoTracking().Where(c => c.InvoiceId == invoiceId).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ServiceDefaults.Http.Page<CreditNoteResponse>(notes.Select(CreditNoteResponse.From).ToList(), null));
    }
}
