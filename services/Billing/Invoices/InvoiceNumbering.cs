using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;

namespace Reseller.Billing.Invoices;

/// <summary>
/// Gap-free invoice numbers per issuer and year: the counter row is incremented inside the invoice's own transaction, so a
/// rolled-back invoice gives its number back and concurrent issuers queue on the row lock.
/// </summary>
public sealed class InvoiceNumbering(BillingDb db)
{
    public const string PlatformIssuer = "RSL";

    /// <summary>Credit notes have a series of their own.</summary>
    public const string CreditNoteIssuer = "RSL-CN";

    public Task<string> NextAsync(DateTimeOffset issuedAt, CancellationToken cancellationToken) =>
        NextAsync(PlatformIssuer, issuedAt, cancellationToken);

    public async Task<string> NextAsync(string issuer, DateTimeOffset issuedAt, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Invoice numbers are allocated inside the invoice's transaction.");
        }
        var year = issuedAt.UtcDateTime.Year;
        var next = await db.Database.SqlQuery<long>($"""
            INSERT INTO invoice_number_sequences (issuer, year, last_number) VALUES ({issuer}, {year}, 1)
            ON CONFLICT (issuer, year) DO UPDATE SET last_number = invoice_number_sequences.last_number + 1
            RETURNING last_number AS "Value"
            """).ToListAsync(cancellationToken);
        return $"{issuer}-{year}-{next[0]:D6}";
    }
}
