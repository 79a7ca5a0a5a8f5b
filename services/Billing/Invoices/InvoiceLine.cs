namespace Reseller.Billing.Invoices;

public sealed class InvoiceLine
{
    public string Code { get; set; } = "";
    public string Description { get; set; } = "";
    public long Quantity { get; set; }
    public long UnitAmount { get; set; }
    public long Amount { get; set; }
    public long Discount { get; set; }
    public long Total { get; set; }
}
