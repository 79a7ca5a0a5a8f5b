namespace Reseller.Contracts.Credits;

/// <summary>The credit kinds, as the catalog's credit_packs keys and the API's {kind} name them.</summary>
public static class CreditKinds
{
    public const string Prepaid = "prepaid";
    public const string Sms = "sms";
    public const string Compatibility = "compatibility";
}
