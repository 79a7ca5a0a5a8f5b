using Reseller.Contracts.Billing;

namespace Reseller.Billing.Invoices.Issuing;

/// <summary>
/// The tax rate of an invoice: the payer country's configured rate, except for an EU business (a VAT id) in another country
/// than the issuer's, which pays 0 % and accounts for the VAT itself (reverse charge, Art. 196 of Directive 2006/112/EC);
/// its VAT id must be of its country (a French business typing another country is taxed as that country's consumer).
/// A payer whose country is not known (a client that took over paying without a bill-to address) pays the issuer's own
/// country's rate: 0 % there would be VAT the vendor owes and never collected, on an invoice that cannot be changed.
/// </summary>
public static class TaxRule
{
    public static readonly IReadOnlySet<string> EuCountries = new HashSet<string>(StringComparer.Ordinal)
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV",
        "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    };

    public static (decimal RatePercent, bool ReverseCharge) For(InvoiceParty issuer, InvoiceParty billTo, IReadOnlyDictionary<string, decimal> rates)
    {
        if (!string.IsNullOrWhiteSpace(billTo.VatId) && VatIds.IsWellFormed(billTo.VatId) && VatIds.CountryOf(billTo.VatId) == billTo.Country
            && EuCountries.Contains(billTo.Country) && billTo.Country != issuer.Country)
        {
            return (0m, true);
        }
        var country = string.IsNullOrWhiteSpace(billTo.Country) ? issuer.Country : billTo.Country;
        return (rates.TryGetValue(country, out var rate) ? rate : 0m, false);
    }

    /// <summary>The tax on a net amount in minor units, rounded half-to-even to the cent.</summary>
    public static long Tax(long net, decimal ratePercent) => (long)Math.Round(net * ratePercent / 100m, MidpointRounding.ToEven);

    /// <summary>
    /// The net part of an amount that includes tax, rounded half-to-even to the cent. Of an invoice's total it is exactly the
    /// invoice's net: <see cref="Tax"/> moved the total by at most half a cent times (1 + rate), so less than half a cent here.
    /// </summary>
    public static long NetOf(long gross, decimal ratePercent) => (long)Math.Round(gross * 100m / (100m + ratePercent), MidpointRounding.ToEven);
}
