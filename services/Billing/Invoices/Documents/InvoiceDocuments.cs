using Reseller.Billing.CreditNotes;
using Reseller.Billing.Invoices.Issuing;
using Reseller.Billing.Purchases;

namespace Reseller.Billing.Invoices.Documents;

/// <summary>Builds the printed form of an invoice or credit note from what was snapshotted when it was issued.</summary>
public static class InvoiceDocuments
{
    public static InvoiceDocument ForInvoice(Invoice invoice, IReadOnlyList<CreditNote> creditNotes, PaidCard? card = null, DocumentBranding? branding = null)
    {
        var issued = DateOnly.FromDateTime(invoice.IssuedAt.UtcDateTime);
        return new InvoiceDocument
        {
            Kind = DocumentKind.Invoice,
            Number = invoice.Number,
            Status = InvoiceText.Status(invoice),
            Language = invoice.Language,
            Issuer = invoice.Issuer ?? new InvoiceParty(),
            BillTo = invoice.BillTo ?? new InvoiceParty(),
            IssuedAt = invoice.IssuedAt,
            DueDate = invoice.DueDate ?? issued,
            PeriodStart = invoice.PeriodStart,
            PeriodEnd = invoice.PeriodEnd,
            Currency = invoice.Currency,
            Lines = invoice.Lines,
            Subtotal = invoice.Subtotal,
            DiscountPercent = invoice.DiscountPercent,
            Discount = invoice.Discount,
            TaxRate = invoice.TaxRate,
            Tax = invoice.Tax,
            ReverseCharge = invoice.ReverseCharge,
            PrepaidCreditPack = CreditPackInvoices.IsUntaxedPrepaidPack(invoice),
            Total = invoice.Total,
            PaidByPrepaid = invoice.PrepaidApplied,
            PaidByCard = invoice.CardCharged,
            Card = invoice.CardCharged > 0 ? card : null,
            AmountDue = invoice.AmountDue,
            CreditNotes = creditNotes.Select(n => new DocumentCreditNote(n.Number, DateOnly.FromDateTime(n.IssuedAt.UtcDateTime), n.Amount, n.Reason)).ToList(),
            Branding = branding ?? DocumentBranding.None,
        };
    }

    /// <summary>
    /// A credit note prints its invoice's parties, language and tax rate; its amount includes tax like the invoice's total,
    /// so it is split back into net and tax at that rate. The split is cumulative: a note's net is what the invoice's notes
    /// net with it less what they netted before it (<paramref name="creditedBefore"/>, the amounts of the notes issued
    /// earlier on the invoice), so however many notes credit an invoice, their nets and taxes add up to the invoice's own.
    /// </summary>
    public static InvoiceDocument ForCreditNote(CreditNote note, Invoice invoice, long creditedBefore, DocumentBranding? branding = null)
    {
        var net = TaxRule.NetOf(creditedBefore + note.Amount, invoice.TaxRate) - TaxRule.NetOf(creditedBefore, invoice.TaxRate);
        var issued = DateOnly.FromDateTime(note.IssuedAt.UtcDateTime);
        return new InvoiceDocument
        {
            Kind = DocumentKind.CreditNote,
            Number = note.Number,
            InvoiceNumber = invoice.Number,
            Status = "issued",
            Language = invoice.Language,
            Issuer = invoice.Issuer ?? new InvoiceParty(),
            BillTo = invoice.BillTo ?? new InvoiceParty(),
            IssuedAt = note.IssuedAt,
            DueDate = issued,
            PeriodStart = invoice.PeriodStart,
            PeriodEnd = invoice.PeriodEnd,
            Currency = note.Currency,
            Lines = [new InvoiceLine { Code = "credit", Description = note.Reason, Quantity = 1, UnitAmount = net, Amount = net, Discount = 0, Total = net }],
            Subtotal = net,
            DiscountPercent = 0,
            Discount = 0,
            TaxRate = invoice.TaxRate,
            Tax = note.Amount - net,
            ReverseCharge = invoice.ReverseCharge,
            PrepaidCreditPack = CreditPackInvoices.IsUntaxedPrepaidPack(invoice),
            Total = note.Amount,
            PaidByPrepaid = 0,
            PaidByCard = 0,
            AmountDue = 0,
            Reason = note.Reason,
            Branding = branding ?? DocumentBranding.None,
        };
    }
}
