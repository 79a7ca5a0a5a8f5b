using Reseller.Billing.Pricing;
using Reseller.ServiceDefaults.Http;

namespace Reseller.Billing.Invoices;

public sealed record InvoiceLineResponse(string Code, string Description, long Quantity, MoneyAmount UnitAmount, MoneyAmount Amount, MoneyAmount Discount, MoneyAmount Total)
{
    public static InvoiceLineResponse From(PriceLine l, string currency) =>
        new(l.Code, l.Description, l.Quantity, new(l.UnitAmount, currency), new(l.Amount, currency), new(l.Discount, currency), new(l.Total, currency));

    public static InvoiceLineResponse From(InvoiceLine l, string currency) =>
        new(l.Code, l.Description, l.Quantity, new(l.UnitAmount, currency), new(l.Amount, currency), new(l.Discount, currency), new(l.Total, currency));
}
