namespace Reseller.Web.Api;

public sealed record ReferralLink(string Code, string Url);
