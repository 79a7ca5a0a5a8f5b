namespace Reseller.Web.Api;

public sealed record TransferConfirmed(string AccountId, string Name, string PartnerId, string Status);
