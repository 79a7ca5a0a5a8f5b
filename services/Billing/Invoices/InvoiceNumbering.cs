using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;

namespace Reseller.Billing.Invoices;

/// <summary>
/// Gap-free invoice numbers per issuer and year: the counter row is incremented inside the invoice's own transaction, so a
/// rolled-back invoice gives its number back and concurrent issuers queue on the row lock. The lock is held until commit:
/// callers take their numbers as late in the transaction as they can, and a batch takes all of its numbers in one statement.
/// </summary>
public sealed class InvoiceNumbering(BillingDb db)
{
    public const string PlatformIssuer = "RSL";

    /// <summary>Credit notes have a series of their own.</summary>
    public const string CreditNoteIssuer = "RSL-CN";

    public Task<string> NextAsync(DateTimeOffset issuedAt, CancellationToken cancellationToken) =>
        NextAsync(PlatformIssuer, issuedAt, cancellationToken);

    public async Task<string> NextAsync(string issuer, DateTimeOffset issuedAt, CancellationToken cancellationToken) =>
        (await ReserveAsync(issuer, 1, issuedAt, cancellationToken))[0];

    /// <summary>The next <paramref name="count"/> consecutive numbers of the issuer's series, in order.</summary>
    public async Task<IReadOnlyList<string>> ReserveAsync(string issuer, int count, DateTimeOffset issuedAt, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Invoice numbers are allocated inside the invoice's transaction.");
        }
        var year = issuedAt.UtcDateTime.Year;
        var last = (await db.Database.SqlQuery<long>($"""
            INSERT INTO invoice_number_sequences (issuer, year, last_number) VALUES ({issuer}, {year}, {(long)count})
            ON CONFLICT (issuer, year) DO UPDATE SET last_number = invoice_number_sequences.last_number + EXCLUDED.last_number
            RETURNING last_number AS "Value"
            """).ToListAsync(cancellationToken))[0];
        return [.. Enumerable.Range(0, count).Select(i => $"{issuer}-{year}-{last - count + 1 + i:D6}")];
    }
}
