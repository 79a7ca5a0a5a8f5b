using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

using Npgsql;

using Reseller.Billing.Data;

namespace Reseller.Billing.Invoices;

/// <summary>
/// Gap-free invoice numbers per issuer and year: the counter row is incremented inside the invoice's own transaction, so a
/// rolled-back invoice gives its number back and concurrent issuers queue on the row lock. The lock is held until commit:
/// callers take their numbers as late in the transaction as they can, and a batch takes all of its numbers in one statement.
/// Numbers run in date order too, as invoicing law asks: the row keeps when its last number was issued, and one who waited
/// for the lock (its time read before the wait) is dated no earlier than that.
/// </summary>
public sealed class InvoiceNumbering(BillingDb db)
{
    public const string PlatformIssuer = "RSL";

    /// <summary>Credit notes have a series of their own.</summary>
    public const string CreditNoteIssuer = "RSL-CN";

    public Task<(string Number, DateTimeOffset IssuedAt)> NextAsync(DateTimeOffset issuedAt, CancellationToken cancellationToken) =>
        NextAsync(PlatformIssuer, issuedAt, cancellationToken);

    /// <summary>The series' next number, and the time to date it (<see cref="IssuedNumbers"/>).</summary>
    public async Task<(string Number, DateTimeOffset IssuedAt)> NextAsync(string issuer, DateTimeOffset issuedAt, CancellationToken cancellationToken)
    {
        var issued = await ReserveAsync(issuer, 1, issuedAt, cancellationToken);
        return (issued.Numbers[0], issued.IssuedAt);
    }

    /// <summary>The next <paramref name="count"/> consecutive numbers of the issuer's series, in order, and the time to date them.</summary>
    public async Task<IssuedNumbers> ReserveAsync(string issuer, int count, DateTimeOffset issuedAt, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Invoice numbers are allocated inside the invoice's transaction.");
        var year = issuedAt.UtcDateTime.Year;
        await using var command = new NpgsqlCommand("""
            INSERT INTO invoice_number_sequences (issuer, year, last_number, last_issued_at) VALUES (@issuer, @year, @count, @issued_at)
            ON CONFLICT (issuer, year) DO UPDATE SET last_number = invoice_number_sequences.last_number + EXCLUDED.last_number,
                last_issued_at = GREATEST(invoice_number_sequences.last_issued_at, EXCLUDED.last_issued_at)
            RETURNING last_number, last_issued_at
            """, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("issuer", issuer);
        command.Parameters.AddWithValue("year", year);
        command.Parameters.AddWithValue("count", (long)count);
        command.Parameters.AddWithValue("issued_at", issuedAt.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var last = reader.GetInt64(0);
        var datedAt = reader.GetFieldValue<DateTimeOffset>(1);
        return new IssuedNumbers([.. Enumerable.Range(0, count).Select(i => $"{issuer}-{year}-{last - count + 1 + i:D6}")], datedAt);
    }
}
