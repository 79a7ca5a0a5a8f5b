namespace Reseller.Contracts.Catalog;

public sealed record CreditPack(long Size, long Price);
