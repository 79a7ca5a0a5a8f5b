namespace Reseller.Web.Session;

/// <summary>What the session calls the API with: a user's token, or the operator's key.</summary>
public sealed record SessionCredential(string Kind, string Secret);
