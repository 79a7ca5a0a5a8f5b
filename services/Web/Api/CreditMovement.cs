namespace Reseller.Web.Api;

/// <summary>Credit moved between the partner's pool and an account, with both balances after the move.</summary>
public sealed record CreditMovement(string AccountId, string Kind, long Quantity, long PartnerBalance, long AccountBalance);
