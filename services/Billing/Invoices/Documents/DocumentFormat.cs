using System.Globalization;

namespace Reseller.Billing.Invoices.Documents;

/// <summary>Money, rates and dates as the document's language writes them (by hand: the services run with invariant globalization).</summary>
public static class DocumentFormat
{
    /// <summary>4410 → "44.10" (en), "44,10" (fr, de, it); thousands grouped: "1,234.50", "1 234,50", "1.234,50".</summary>
    public static string Amount(long minor, DocumentLabels labels)
    {
        var cents = Math.Abs(minor) % 100;
        return (minor < 0 ? "-" : "") + Count(Math.Abs(minor) / 100, labels) + labels.DecimalSeparator + cents.ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>A whole number with the language's thousands separator: "1,000", "1 000", "1.000".</summary>
    public static string Count(long count, DocumentLabels labels) =>
        count.ToString("#,0", CultureInfo.InvariantCulture).Replace(",", labels.GroupSeparator, StringComparison.Ordinal);

    public static string Money(long minor, string currency, DocumentLabels labels) => Amount(minor, labels) + " " + currency;

    /// <summary>20 → "20", 8.5 → "8.5" (en) or "8,5".</summary>
    public static string Rate(decimal percent, DocumentLabels labels) =>
        percent.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', labels.DecimalSeparator);

    public static string Date(DateOnly date, DocumentLabels labels) => date.ToString(labels.DateFormat, CultureInfo.InvariantCulture);

    public static string Label(string template, params string[] values) => string.Format(CultureInfo.InvariantCulture, template, values);
}
