namespace Reseller.Web.Api;

/// <summary>A pack: its size (cents of prepaid credit, or units) and its price in cents.</summary>
public sealed record CreditPack(long Size, long Price);
