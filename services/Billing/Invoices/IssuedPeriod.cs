using System.Globalization;

using Reseller.ServiceDefaults.Problems;

namespace Reseller.Billing.Invoices;

/// <summary>
/// The invoice list's issue-date filter: <c>issued_from</c> and <c>issued_to</c>, both optional, inclusive, dates
/// (yyyy-MM-dd) of UTC days; 400 for a malformed date or a range that ends before it starts.
/// </summary>
public sealed record IssuedPeriod(DateTimeOffset? From, DateTimeOffset? Before)
{
    public static IssuedPeriod Parse(string? issuedFrom, string? issuedTo)
    {
        var errors = new ValidationErrors();
        var from = ParseDate(issuedFrom, "issued_from", errors);
        var to = ParseDate(issuedTo, "issued_to", errors);
        errors.When(from is not null && to is not null && to < from, "issued_to", "issued_to must not be before issued_from.");
        errors.ThrowIfAny();
        return new(
            from is { } first ? new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            to is { } last && last < DateOnly.MaxValue ? new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null);
    }

    public IQueryable<Invoice> Apply(IQueryable<Invoice> invoices)
    {
        if (From is { } from)
        {
            invoices = invoices.Where(i => i.IssuedAt >= from);
        }
        if (Before is { } before)
        {
            invoices = invoices.Where(i => i.IssuedAt < before);
        }
        return invoices;
    }

    private static DateOnly? ParseDate(string? value, string field, ValidationErrors errors)
    {
        if (value is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors.Add(field, $"{field} must be a date (yyyy-MM-dd).");
        return null;
    }
}
