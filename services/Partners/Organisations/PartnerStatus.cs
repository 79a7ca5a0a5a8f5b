namespace Reseller.Partners.Organisations;

/// <summary>A suspended partner keeps its data, but none of its users may sign in and none of its tokens or API keys works.</summary>
public static class PartnerStatus
{
    public const string Active = "active";
    public const string Suspended = "suspended";
}
