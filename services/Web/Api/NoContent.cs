namespace Reseller.Web.Api;

/// <summary>The value of a call that answers nothing (204, 202).</summary>
public sealed record NoContent;
