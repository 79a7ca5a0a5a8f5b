namespace Reseller.Web.Api;

/// <summary>One commission earned on a paid invoice (kind: referral or cashback).</summary>
public sealed record Earning(string Id, string Kind, string? AccountId, string InvoiceId, string InvoiceNumber, Money InvoiceTotal, Money Amount, DateTimeOffset EarnedAt);
