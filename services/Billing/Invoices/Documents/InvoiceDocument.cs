using Reseller.Billing.Invoices.Issuing;

namespace Reseller.Billing.Invoices.Documents;

/// <summary>
/// Everything an invoice or a credit note prints, in the order the PDF, HTML and CSV show it; amounts in minor units of
/// <see cref="Currency"/>. A credit note refers to its invoice (<see cref="InvoiceNumber"/>) and prints its reason.
/// </summary>
public sealed record InvoiceDocument
{
    public required DocumentKind Kind { get; init; }
    public required string Number { get; init; }
    public string? InvoiceNumber { get; init; }
    public required string Status { get; init; }
    public required string Language { get; init; }
    public required InvoiceParty Issuer { get; init; }
    public required InvoiceParty BillTo { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    public DateOnly IssueDate => DateOnly.FromDateTime(IssuedAt.UtcDateTime);
    public required DateOnly DueDate { get; init; }
    public required DateOnly PeriodStart { get; init; }
    public required DateOnly PeriodEnd { get; init; }
    public required string Currency { get; init; }
    public required IReadOnlyList<InvoiceLine> Lines { get; init; }
    public required long Subtotal { get; init; }
    public required int DiscountPercent { get; init; }
    public required long Discount { get; init; }
    public required decimal TaxRate { get; init; }
    public required long Tax { get; init; }
    public required bool ReverseCharge { get; init; }

    /// <summary>A prepaid-credit pack's invoice or credit note: untaxed, and says why.</summary>
    public bool PrepaidCreditPack { get; init; }
    public required long Total { get; init; }
    public required long PaidByPrepaid { get; init; }
    public required long PaidByCard { get; init; }
    public PaidCard? Card { get; init; }
    public required long AmountDue { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyList<DocumentCreditNote> CreditNotes { get; init; } = [];
    public DocumentBranding Branding { get; init; } = DocumentBranding.None;

    public DocumentLabels Labels => DocumentLanguages.For(Language);

    public string Title => (Kind == DocumentKind.Invoice ? Labels.Invoice : Labels.CreditNote) + " " + Number;
}
