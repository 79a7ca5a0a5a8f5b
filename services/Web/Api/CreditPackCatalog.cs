namespace Reseller.Web.Api;

/// <summary>The catalog's credit packs by kind (prepaid, sms, compatibility).</summary>
public sealed record CreditPackCatalog(string Currency, IReadOnlyDictionary<string, IReadOnlyList<CreditPack>> CreditPacks);
