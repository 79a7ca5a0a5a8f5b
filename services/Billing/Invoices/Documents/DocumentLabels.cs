namespace Reseller.Billing.Invoices.Documents;

/// <summary>Every text an invoice or credit note prints, in one language. <c>{0}</c> marks the value a label takes.</summary>
public sealed record DocumentLabels(
    string Invoice,
    string CreditNote,
    string Number,
    string IssueDate,
    string DueDate,
    string ServicePeriod,
    string PeriodRange,
    string Issuer,
    string BillTo,
    string VatId,
    string Description,
    string Quantity,
    string UnitPrice,
    string Discount,
    string Amount,
    string Subtotal,
    string DiscountPercent,
    string Tax,
    string Total,
    string PaidByPrepaid,
    string PaidByCard,
    string AmountDue,
    string ReverseCharge,
    string PrepaidCreditUntaxed,
    string RefersToInvoice,
    string Reason,
    string Credited,
    string CreditNotes,
    string Status,
    string Open,
    string Paid,
    string Void,
    string Uncollectible,
    char DecimalSeparator,
    string GroupSeparator,
    string DateFormat)
{
    /// <summary>What follows a label before its value: French sets a space before the colon ("Motif : …").</summary>
    public string Colon { get; init; } = ": ";

    public string StatusName(string status) => status switch
    {
        "open" => Open,
        "paid" => Paid,
        "void" => Void,
        "uncollectible" => Uncollectible,
        _ => status,
    };
}
