namespace Reseller.Contracts.Billing;

/// <summary>How a card brand is shown to people (documents, the dashboard): the network's own name ("Visa"), not the provider's code ("visa").</summary>
public static class CardBrandNames
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["visa"] = "Visa",
        ["mastercard"] = "Mastercard",
        ["amex"] = "American Express",
        ["discover"] = "Discover",
        ["diners"] = "Diners Club",
        ["jcb"] = "JCB",
        ["unionpay"] = "UnionPay",
        ["cartes_bancaires"] = "Cartes Bancaires",
    };

    public static string Display(string brand)
    {
        ArgumentNullException.ThrowIfNull(brand);
        if (Known.TryGetValue(brand, out var name))
        {
            return name;
        }

        return brand.Length == 0 ? brand : char.ToUpperInvariant(brand[0]) + brand[1..];
    }
}
