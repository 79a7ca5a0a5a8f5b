namespace Reseller.Web.Api;

/// <summary>The API's money: integer minor units and an ISO 4217 currency.</summary>
public sealed record Money(long Amount, string Currency)
{
    /// <summary>Minor units to one unit of every currency the platform bills in (USD, EUR, GBP).</summary>
    private const decimal MinorPerUnit = 100m;

    /// <summary>The amount in the currency's units (dollars, euros), as a person reads and types it.</summary>
    public decimal Units => Amount / MinorPerUnit;

    /// <summary>A typed amount in minor units; null when it is missing, not positive or splits a cent.</summary>
    public static long? MinorUnitsOf(decimal? units) =>
        units is { } value && value > 0 && decimal.Round(value * MinorPerUnit) == value * MinorPerUnit ? (long)(value * MinorPerUnit) : null;
}
