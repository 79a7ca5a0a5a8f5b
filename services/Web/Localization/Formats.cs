using System.Globalization;

using Reseller.Web.Api;

namespace Reseller.Web.Localization;

/// <summary>Money, dates and durations in the user's culture; instants in the account's time zone when it has one.</summary>
public static class Formats
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USD"] = "$",
        ["EUR"] = "€",
        ["GBP"] = "£",
    };

    public static string Money(Money? money)
    {
        if (money is null)
        {
            return string.Empty;
        }
        var format = (NumberFormatInfo)CultureInfo.CurrentCulture.NumberFormat.Clone();
        format.CurrencySymbol = Symbols.TryGetValue(money.Currency, out var symbol) ? symbol : money.Currency;
        return money.Units.ToString("C", format);
    }

    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    public static string Date(DateTimeOffset instant, string? timeZone = null) => Local(instant, timeZone).ToString("d", CultureInfo.CurrentCulture);

    public static string DateTime(DateTimeOffset instant, string? timeZone = null) => Local(instant, timeZone).ToString("g", CultureInfo.CurrentCulture);

    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A rate in percent as the reader writes numbers: 20, 19,5 in French.</summary>
    public static string Rate(decimal percent) => percent.ToString("0.##", CultureInfo.CurrentCulture);

    private static DateTimeOffset Local(DateTimeOffset instant, string? timeZone)
    {
        if (timeZone is { Length: > 0 } && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
        {
            return TimeZoneInfo.ConvertTime(instant, zone);
        }
        return instant;
    }
}
