using System.Globalization;

using Reseller.Web.Api;

namespace Reseller.Web.Localization;

/// <summary>
/// Money, dates and durations in the user's culture. An account's instants are in its own time zone; the agency's own
/// (not one account's: purchases, saved defaults, keys) are in UTC, and a time of day then says so.
/// </summary>
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

    public static string DateTime(DateTimeOffset instant, string? timeZone = null) =>
        Zone(timeZone) is { } zone
            ? TimeZoneInfo.ConvertTime(instant, zone).ToString("g", CultureInfo.CurrentCulture)
            : $"{instant.ToUniversalTime().ToString("g", CultureInfo.CurrentCulture)} UTC";

    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A rate in percent as the reader writes numbers: 20, 19,5 in French.</summary>
    public static string Rate(decimal percent) => percent.ToString("0.##", CultureInfo.CurrentCulture);

    private static DateTimeOffset Local(DateTimeOffset instant, string? timeZone) =>
        Zone(timeZone) is { } zone ? TimeZoneInfo.ConvertTime(instant, zone) : instant.ToUniversalTime();

    private static TimeZoneInfo? Zone(string? timeZone) =>
        timeZone is { Length: > 0 } && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : null;
}
