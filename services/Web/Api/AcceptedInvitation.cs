namespace Reseller.Web.Api;

/// <summary>What the customer signs in with from now on.</summary>
public sealed record AcceptedInvitation(string Account, string Username);
