using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Billing.Payments;

namespace Reseller.Billing.Invoices;

public static class OpenInvoices
{
    /// <summary>Voids an account's open invoices that no charge is under way for, so nothing is retried or charged again.</summary>
    public static async Task VoidAllAsync(BillingDb db, Guid accountId, CancellationToken cancellationToken)
    {
        var open = await db.Invoices
            .Where(i => i.AccountId == accountId && i.Status == InvoiceStatus.Open)
            .Where(i => !db.Payments.Any(p => p.InvoiceId == i.Id && p.Status == PaymentStatus.Pending))
            .ToListAsync(cancellationToken);
        open.ForEach(i => i.Void());
    }

    /// <summary>The account's open period invoice (first period, renewal or plan change) that a renewal request pays.</summary>
    public static Task<Invoice?> ForPeriodAsync(BillingDb db, Guid accountId, CancellationToken cancellationToken) =>
        db.Invoices
            .Where(i => i.AccountId == accountId && i.Status == InvoiceStatus.Open)
            .OrderByDescending(i => i.Id)
            .FirstOrDefaultAsync(i => i.Purpose == Contracts.Billing.InvoicePurposes.FirstPeriod
                || i.Purpose == Contracts.Billing.InvoicePurposes.Renewal
                || i.Purpose == Contracts.Billing.InvoicePurposes.PlanChange, cancellationToken);
}
