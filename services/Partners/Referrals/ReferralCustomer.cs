namespace Reseller.Partners.Referrals;

public sealed record ReferralCustomer(string? Name, string? Email);
