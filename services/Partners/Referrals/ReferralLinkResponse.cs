namespace Reseller.Partners.Referrals;

public sealed record ReferralLinkResponse(string Code, string Url, string SignupEndpoint);
