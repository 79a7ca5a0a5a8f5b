namespace Reseller.Web.Api;

/// <summary>The new account's admin login: shown once, at creation.</summary>
public sealed record AccountLogin(string Url, string Username, string Password);
