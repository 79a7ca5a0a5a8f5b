namespace Reseller.Billing.Invoices;

public sealed class InvoiceLine
{
    public string Code { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>What the line says in no language yet (<see cref="Pricing.LineTextJson"/>); null on lines issued before it was kept.</summary>
    public string? Text { get; set; }
    public long Quantity { get; set; }
    public long UnitAmount { get; set; }
    public long Amount { get; set; }
    public long Discount { get; set; }
    public long Total { get; set; }
}
