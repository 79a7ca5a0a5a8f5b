namespace Reseller.Web.Api;

/// <summary>A person of the agency: role owner, billing or member; status invited until the invitation is accepted, then active.</summary>
public sealed record PartnerUser(string Id, string Email, string Role, string Status, DateTimeOffset CreatedAt)
{
    public bool Invited => Status == "invited";
}
