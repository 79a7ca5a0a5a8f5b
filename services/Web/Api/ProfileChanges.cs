namespace Reseller.Web.Api;

/// <summary>The fields to change; null leaves one as it is, an empty PayPal e-mail removes it.</summary>
public sealed record ProfileChanges(string? Name = null, string? Email = null, string? Country = null, string? PaypalEmail = null);
