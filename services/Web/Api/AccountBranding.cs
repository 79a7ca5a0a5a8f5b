namespace Reseller.Web.Api;

public sealed record AccountBranding(string? AppName, string? LogoUrl, string? Footer);
