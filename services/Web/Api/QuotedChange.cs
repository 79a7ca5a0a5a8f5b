namespace Reseller.Web.Api;

/// <summary>Effective is now (charged now) or next_renewal (nothing due now).</summary>
public sealed record QuotedChange(string Effective, DateOnly? PeriodStart, DateOnly? PeriodEnd, DateOnly? RenewalDate, QuotedRenewal Renewal);
